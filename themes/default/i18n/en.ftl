# Reader-visible words of the default theme, in English (Project Fluent syntax:
# https://projectfluent.org/fluent/guide/). Every language the site publishes
# needs a table like this one with every key; numbers in `{ $n }` are written
# the language's way (1,234) and choose plural forms.

## Figures. A figure is never invented: no report gives a lower bound -> "up to";
## no report at all -> "not reported".
amount-exact = { $n }
amount-between = { $low }–{ $high }
amount-at-least = at least { $low }
amount-up-to = up to { $high }
amount-not-reported = not reported

## Who the people counted were.
who-security-forces = security forces
who-civilians = civilians
who-militants = militants
who-unknown = not specified
who-part = { $who }: { $amount }

## Charts drawn at build time.
chart-title = Incidents and people killed per month, { $subject }
chart-description = { $months ->
    [one] 1 month
   *[other] { $months } months
  } from { $first } to { $last }: { $incidents ->
    [one] 1 incident
   *[other] { $incidents } incidents
  }; killed: { $killed }.
chart-incidents-heading = Incidents per month
chart-killed-heading = Killed per month (solid: confirmed; pale: the rest of the reported range)

## Feeds and data downloads.
feed-title-site = { $site }: latest briefings
feed-title-group = { $name }: latest briefings — { $site }
feed-title-country = { $name }: latest briefings — { $site }
data-title-site = Incidents — { $site }
data-title-group = Incidents involving { $name } — { $site }
data-title-country = Incidents in { $name } — { $site }

## The chronology.
month-not-known = { $year }, month not known
subject-all-incidents = all incidents

## Page descriptions (search results, social cards) when the profile has none.
group-description = { $incidents ->
    [one] 1 incident
   *[other] { $incidents } incidents
  } carried out by { $name }
country-description = { $incidents ->
    [one] 1 incident
   *[other] { $incidents } incidents
  } in { $name }

## Maps drawn at build time.
map-title = Map of incidents, { $subject }
map-description = { $places ->
    [one] 1 place
   *[other] { $places } places
  }; each circle's area follows the number killed there (a hollow circle: only a maximum was reported), and links to the latest incident at that place.
map-title-briefing = Map of { $places }
map-description-briefing = Where the incident happened; the circle's area follows the number killed (hollow: only a maximum was reported).
map-point-one = { $place }: { $title } ({ $date })
map-point-many = { $place }: { $incidents } incidents, killed: { $killed }; latest: { $title }

## Dates. `$day` is a number (it may choose a form: French writes "1er");
## `$year` and `$month` are text.
month-name = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
  }
month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
  }
date-day = { $day } { $month } { $year }
date-month = { $month } { $year }
# An incident over several days: 17–18 September 2024.
date-range-same-month = { $first }–{ $last } { $month } { $year }
# 30 September – 2 October 2024 ($last is a whole date).
date-range-same-year = { $first } { $month } – { $last }
date-range = { $first } – { $last }

## The data page: the downloads, then what each CSV column and JSON field holds.
download-incidents-json-title = Every incident
download-incidents-json = Every field of every incident, with every casualty report and source.
download-incidents-csv-title = Every incident
download-incidents-csv = One row per incident, the columns below; opens in any spreadsheet.
download-incidents-geojson-title = Every located place
download-incidents-geojson = One point per place with coordinates, for GIS tools and web maps.
csv-id = The briefing's slug; stable, unique.
csv-url = Address of the briefing.
csv-title = Headline of the briefing.
csv-event-date = Day the incident began (YYYY-MM-DD), its month (YYYY-MM) when the day is not known, or its year (YYYY).
csv-end-date = Last day of an incident over several days; empty otherwise.
csv-date-precision = `day`, `month` or `year`.
csv-event = What the briefing records: attack, battle, explosion, violence against civilians, protest, riot or development (not violence; left out of every total).
csv-event-type = ACLED's event type: Battles, Explosions/Remote violence, Violence against civilians, Protests, Riots or Strategic developments. An attack is Violence against civilians when every casualty report is about civilians, else Battles.
csv-countries = ISO 3166-1 alpha-2 codes, separated by `; `.
csv-admin1 = First-level administrative divisions of the places, separated by `; `.
csv-location = Names of the places, separated by `; `.
csv-latitude = WGS84 latitude of the first place with coordinates; empty when none has them.
csv-longitude = WGS84 longitude of that place.
csv-geo-precision = How precisely that place is known: `exact`, `town`, `region` or `country`.
csv-perpetrators = Perpetrators with their claim status, e.g. `JNIM (claimed); ISSP (suspected)`.
csv-other-actors = Other actors with their role, e.g. `Malian Armed Forces (target)`.
csv-targets = What was attacked, separated by `; `.
csv-tactics = How, separated by `; `.
csv-killed-low = Number killed, lower bound: per group of people the lowest lower bound among the reports, summed; empty when no report gives a lower bound (only a maximum, or nothing reported). Never an invented 0.
csv-killed-high = Number killed, upper bound: the highest reported figure per group of people, summed; empty when a report gives no upper bound or nothing was reported.
csv-killed-security-forces-low = As killed_low, for security forces only.
csv-killed-security-forces-high = As killed_high, for security forces only.
csv-killed-civilians-low = As killed_low, for civilians only.
csv-killed-civilians-high = As killed_high, for civilians only.
csv-killed-militants-low = As killed_low, for militants only (attackers: not the perpetrators' victims).
csv-killed-militants-high = As killed_high, for militants only.
csv-killed-unknown-low = As killed_low, for people the reports do not identify.
csv-killed-unknown-high = As killed_high, for people the reports do not identify.
csv-injured-low = As killed_low, for the injured.
csv-injured-high = As killed_high, for the injured.
csv-captured-low = As killed_low, for people captured or abducted.
csv-captured-high = As killed_high, for people captured or abducted.
csv-missing-low = As killed_low, for the missing.
csv-missing-high = As killed_high, for the missing.
csv-reports = Number of casualty reports behind the figures (each listed in the JSON).
csv-sources = Addresses of the sources, separated by `; ` (the title and publisher of a source with no address).
json-id = The briefing's slug.
json-url = Address of the briefing.
json-title = Headline.
json-summary = One-sentence lead.
json-event-date = YYYY-MM-DD, YYYY-MM when only the month is known, or YYYY when only the year is.
json-end-date = Last day, or null.
json-date-precision = `day`, `month` or `year`.
json-event = attack, battle, explosion, violence against civilians, protest, riot or development.
json-event-type = ACLED's event type (see the CSV column).
json-published = Day of publication, or null when it is not known.
json-updated = Day of the last update, or null.
json-countries = List of {"{"}code, name, slug{"}"}.
json-locations = List of {"{"}name, country, admin1, latitude, longitude, precision{"}"}.
json-actors = List of {"{"}name, slug, role, claim, written_as{"}"}: role is perpetrator, target, responder or other; claim is claimed, attributed, suspected, denied, or none.
json-targets = List of free terms.
json-tactics = List of free terms.
json-tags = List of free terms.
json-casualties = Derived figures: {"{"}killed, injured, captured, missing{"}"}, each null when nothing was reported, else {"{"}low, high, by_who: [{"{"}who, low, high{"}"}]{"}"}; low is null when only maximums were reported, high when a report gives no upper bound.
json-reports = Every casualty report: {"{"}kind, who, min, max, according_to{"}"}; an exact count has min = max.
json-sources = List of {"{"}url, title, publisher, date{"}"}.
