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
chart-killed-heading = Killed per month

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
  }; each circle's area follows the number killed there (a hollow circle: only a maximum was reported) and links to its incident; a circle with a number stands for several incidents, listed below the map.
map-title-briefing = Map of { $places }
map-description-briefing = Where the incident happened; the circle's area follows the number killed (hollow: only a maximum was reported).
map-point-one = { $place }: { $title } ({ $date })
picture-credit-desk = Made by the desk
map-cluster = { $places }: { $incidents } incidents, listed below the map

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

## The language, as its readers name it, and its OpenGraph locale.
language-name = English
og-locale = en_GB

## Every page: navigation, footer, title of a page of a list.
skip-to-content = Skip to content
nav-main = Main
nav-languages = Languages
nav-chronology = Chronology
nav-groups = Groups
nav-countries = Countries
nav-explorer = Explorer
nav-corrections = Corrections
nav-data = Data
nav-feed = Atom feed
footer-figures = Every figure keeps its range and its source: a total reads “at least” when some report gives no upper bound, “up to” when only maximums were reported.
footer-how = How figures are counted
title-page-of = (page { $number } of { $pages })

## Numbers and counts shown on several pages.
number = { $n }
count-incidents = { $n ->
    [one] 1 incident
   *[other] { $n } incidents
  }
no-briefings = No briefing has been published yet.
by-year = By year

## Headline figures.
stat-incidents = Incidents
stat-killed = Killed
stat-injured = Injured
stat-countries = Countries

## The home page.
home-developments = Besides the incidents, { $n ->
    [one] 1 development is
   *[other] { $n } developments are
  } listed (a propaganda video, a training camp, an agreement): not counted in these figures.
home-latest = Latest briefings
home-more-chronology = Every incident in the chronology
home-more-explorer = Filter them in the explorer
home-more-data = Download the data
home-perpetrators = Perpetrators
home-all-groups = All groups

## An incident in a list; figures split by who was counted.
badge-development = Development
badge-draft = Draft
badge-scheduled = Scheduled
no-perpetrator = No perpetrator named
more-perpetrators = { $n ->
    [one] and 1 more group
   *[other] and { $n } more groups
}
development-note = Not an incident of violence: not counted in totals, charts or maps.
split-part = { $who }:
split-separator = {"; "}
maximum-only = { $n ->
    [one] 1 incident reports
   *[other] { $n } incidents report
  } only a maximum

## The map and the chart of a list of incidents.
map-heading = Where
map-caption = Select a circle to open its briefing; a number stands for several incidents, listed below the map. Developments are not mapped.
map-places-heading = Places with several incidents
map-places-count = { $n } incidents
map-places-more = { $n ->
    [one] 1 earlier incident is
   *[other] { $n } earlier incidents are
  } in the chronology.
map-scale = { $km } km
map-key-size = A circle’s area: the people killed at that place (the confirmed figure)
map-key-hollow = A hollow circle: only a maximum was reported
chart-heading = Month by month
chart-undated = { $n ->
    [one] 1 incident is
   *[other] { $n } incidents are
  } dated only by year and not charted.
chart-legend-confirmed = Killed, confirmed: the lowest figure reported
chart-legend-range = The rest of the reported range, up to the highest figure (the whole bar when only a maximum is reported)
chart-numbers = The numbers behind the chart
chart-table = Table of incidents and killed per month
column-month = Month

## Lists split into pages.
pager-pages = Pages
pager-newer = ← Newer
pager-older = Older →
page-note = Page { $number } of { $pages }, newest first.

## Titles and descriptions of the pages made from facts.
feed-name = { $name }: latest briefings
page-title-groups = Groups
page-description-groups = Armed groups and other actors named in the briefings
page-title-countries = Countries
page-description-countries = Incidents by country
page-title-chronology = Chronology
page-description-chronology = Every incident, newest first
page-title-year = Chronology: { $year }
page-description-year = Every incident in { $year }
page-title-corrections = Corrections
page-description-corrections = Every correction to a published briefing
page-title-data = Data
page-description-data = Download every incident as JSON, CSV or GeoJSON
page-title-explorer = Incident explorer
page-description-explorer = Filter every incident by group, country, tactic, target, claim and date
page-title-404 = Page not found

## Values of the fixed lists, in the reader's words.
event-attack = attack
event-battle = battle
event-explosion = explosion
event-violence-against-civilians = violence against civilians
event-protest = protest
event-riot = riot
event-development = development
casualty-killed = killed
casualty-injured = injured
casualty-captured = captured
casualty-missing = missing
precision-exact = exact
precision-town = town
precision-region = region
precision-country = country
role-perpetrator = Perpetrator
role-target = Target
role-responder = Responder
role-other = Other
claim-claimed = Claimed
claim-attributed = Attributed
claim-suspected = Suspected
claim-denied = Denied
group-kind-armed-group = armed group
group-kind-state-force = state force
group-kind-foreign-force = foreign force
group-kind-other = other actor
group-kinds-armed-group = Armed groups
group-kinds-state-force = State forces
group-kinds-foreign-force = Foreign forces
group-kinds-other = Other actors

## Coordinates: 12.64° N, 8.00° W.
coordinates = { $lat }° { $ns }, { $lon }° { $ew }
compass-north = N
compass-south = S
compass-east = E
compass-west = W

## A briefing's page.
briefing-untranslated = This briefing has not been translated yet: it is shown as written, in its original language ({ $language }).
briefing-draft = <strong>Draft.</strong> This briefing is not published; you see it because drafts are shown in this preview.
briefing-scheduled = <strong>Scheduled</strong> for { $date }; not yet published.
briefing-development = <strong>A development</strong>, not an incident of violence: it is listed in the chronology but counted in no total, chart or map.
briefing-published = Published
briefing-updated = Updated
count-corrections = { $n ->
    [one] 1 correction
   *[other] { $n } corrections
  }
briefing-key-facts = Key facts
fact-date = Date
fact-day-not-known = (day not known)
fact-month-not-known = (month not known)
fact-event = Event
fact-places = { $n ->
    [one] Place
   *[other] Places
  }
fact-precision = { $precision } precision
fact-actors = Actors
fact-written-as = (as “{ $name }”)
fact-unattributed = Unattributed
fact-reports-differ = (reports differ)
fact-targets = Targets
fact-tactics = Tactics
casualties-heading = Casualty reports
casualties-note = Every figure as reported, with who reported it. For each kind, the range runs from the lowest lower bound any report gives to the highest upper bound, added up over the people counted; a figure no report bounds from below reads “up to”.
casualties-table = Table of casualty reports
column-kind = Kind
column-who = Who
column-figure = Figure
column-according-to = According to
column-range = Range
column-based-on = Based on
count-reports = { $n ->
    [one] 1 report
   *[other] { $n } reports
  }
sources-heading = Sources
source-no-address = (no web address)
sources-none = No sources are listed for this briefing.
tags-label = Tags:
previous-incident = Previous incident
next-incident = Next incident

## A group's page and a country's page.
stat-carried-out = Incidents carried out
stat-killed-in-them = Killed in them
stat-militants-killed = Militants killed in them
stat-against = Attacks against it
group-carried-out = { $name } carried out { $n ->
    [one] 1 incident
   *[other] { $n } incidents
  } in these briefings
killed-in-them = ; killed in them:
killed-colon = ; killed:
militants-besides = , besides
militants-killed-same = militants killed in the same incidents
no-death-toll = ; no report gives a death toll
of-these-maximum-only = { $n ->
    [one] 1 of these incidents reports
   *[other] { $n } of these incidents report
  } only a maximum.
developments-listed = { $n ->
    [one] 1 development is
   *[other] { $n } developments are
  } listed too, not counted.
claims-label = Claims of responsibility:
group-against = { $besides ->
    [true] Apart from these, { $name } was
   *[false] { $name } was
  } the target of { $n ->
    [one] 1 attack (or responded to it)
   *[other] { $n } attacks (or responded to them)
  }, listed below: their victims are not added to any figure of { $name }’s.
group-with-components = With its components: { $n ->
    [one] 1 incident
   *[other] { $n } incidents
  } carried out; killed in them:
profile-heading = Profile
profile-aliases = Also known as
profile-affiliation = Affiliation
profile-founded = Founded
profile-active-in = Active in
profile-part-of = Part of
profile-components = Components
profile-untranslated = This profile has not been translated yet: it is shown in its original language ({ $language }).
profile-none = The desk has not written a profile of this group yet.
group-download = Download every briefing naming { $name } (JSON)
group-perpetrated = Incidents it carried out
group-against-note = { $name } was the target of these incidents, or responded to them. They are counted apart: nobody killed in them is counted among { $name }’s victims.
group-mentions = Other briefings naming it
group-no-briefing = No briefing names { $name } yet.
group-component-incidents = Incidents of its components
group-component-note = These incidents name one of { $name }’s components, not { $name } itself.
group-via = Via { $name }
pager-pages-of = Pages of { $name }
country-incidents = { $n ->
    [one] 1 incident
   *[other] { $n } incidents
  } in { $name }
country-groups = Groups involved
country-download = Download these briefings (JSON)
country-no-incident = No incident in { $name } has been briefed yet.

## The chronology.
chronology-lede = { $n ->
    [one] 1 incident
   *[other] { $n } incidents
  }, newest first
count-developments = { $n ->
    [one] 1 development
   *[other] { $n } developments
  }
chronology-latest = Latest
chronology-older = Older incidents are listed year by year:
nav-years = Years

## Lists of groups and countries; corrections; a free page; the page not found.
groups-lede = Armed groups, state and foreign forces and other actors named in the briefings, with the incidents they are involved in.
table-of = Table: { $name }
column-name = Name
column-country = Country
groups-part-of = (part of { $name })
groups-no-profile = (no profile yet)
groups-none = No group is named in the briefings yet.
countries-lede = Every country where a briefed incident took place.
countries-table = Table of countries
corrections-lede = When a published briefing changes in substance, the change is recorded here and on the briefing itself.
corrections-none = No correction has been made so far.
not-found-lede = There is no page at this address. It may have moved, or the link may be mistyped.
page-draft = <strong>Draft.</strong> This page is not published.
page-untranslated = This page has not been translated yet: it is shown in its original language ({ $language }).

## The explorer (the script's words too).
explorer-lede = Filter the { $n ->
    [one] 1 incident
   *[other] { $n } incidents
  } on this site by group, country, tactic, target, claim of responsibility and date, or search their text. The address of the page keeps the filters: copy it to share the view.
explorer-form = Filter incidents
explorer-search = Search
explorer-search-hint = Titles, summaries and places; accents and case do not matter.
explorer-group = Group
explorer-any-group = Any group
explorer-group-hint = In any role: perpetrator, target or other.
explorer-claim = Claim
explorer-any = Any
explorer-claim-hint = A perpetrator’s, or the chosen group’s.
explorer-any-event = Any event
explorer-event-hint = Developments (a video, a camp, an agreement) are not violence: listed, never counted.
explorer-any-country = Any country
explorer-tactic = Tactic
explorer-any-tactic = Any tactic
explorer-target = Target
explorer-any-target = Any target
explorer-from = From
explorer-to = To
explorer-dates-hint = Months, as YYYY-MM; both ends included.
explorer-clear = Clear filters
explorer-matching = Matching incidents
explorer-and = and
explorer-killed-colon = killed:
explorer-injured-colon = injured:
explorer-fallback = The explorer filters the incidents in your browser and needs JavaScript. Every incident is also in the <a href="{ $chronology }">chronology</a>, newest first, and in the <a href="{ $data }">data downloads</a> (<a href="{ $json }">JSON</a>, CSV, GeoJSON).
explorer-error = The incidents could not be loaded. Every incident is also in the <a href="{ $chronology }">chronology</a> and in the <a href="{ $data }">data downloads</a>.
explorer-empty = No incident matches these filters.
explorer-map-caption = The incidents of violence the filters match, a circle per place: its area follows the people killed there (hollow: only a maximum was reported); select it to open the latest briefing there.
explorer-map-place = { $place }: { $n ->
    [one] 1 incident
   *[other] { $n } incidents
  }
explorer-show-more-button = Show more
explorer-killed = Killed
explorer-incident = incident
explorer-incidents = incidents
explorer-development = development
explorer-developments = developments
explorer-of = {" of "}
explorer-show-more = Show { $n } more ({ $left } not shown)
explorer-not-on-site = (not on this site)

## The data page (the data dictionary follows).
data-lede = Every briefing on this site, { $n ->
    [one] 1 incident
   *[other] { $n } incidents
  }{ $developments ->
    [0] {""}
    [one] {" "}and 1 development
   *[other] {" "}and { $developments } developments
  } in all, as data you can download and reuse. The files are rebuilt with the site: they always match the pages.
data-downloads = Downloads
data-per-page = The same JSON for the incidents of one group or one country is linked from each group and country page.
data-csv-heading = incidents.csv: one row per incident
data-csv-table = Table of CSV columns
data-column = Column
data-holds = What it holds
data-json-heading = incidents.json: every field
data-json-table = Table of JSON fields
data-field = Field
data-geojson-heading = incidents.geojson: one point per place
data-per-heading = Per group and per country
data-per-group = Incidents of one group (JSON)
data-per-country = Incidents in one country (JSON)
data-how-1 = Casualty figures are contested, so every report is kept with who made it. For each incident and each kind of casualty, and for each group of people counted (civilians, security forces, militants, people not identified), the low figure is the smallest lower bound any report gives, and the high figure the largest upper bound; the incident’s figure adds them up over the groups of people. A report that gives only a maximum (“nearly 200”) has no lower bound: it reads “up to 200”, never 0. The high figure is empty when a report gives only a minimum.
data-how-2 = A total over many incidents adds up their lows and, when every one of them has a high, their highs: it reads “144–350” when both are known, “at least 144” when some incident has no upper bound, “up to 200” when only maximums were reported, and “not reported” when no report exists. Pages say beside a total how many of its incidents report only a maximum, and split every total by who was counted. On a group’s page, the people killed in the incidents it carried out are its victims; militants killed in them are shown apart, and attacks against the group are counted apart.
data-how-3 = Developments (a propaganda video, a training camp, an agreement) are listed, marked, and never counted in a total, a chart or a map. The <code>event_type</code> column gives each incident’s type in ACLED’s typology.
data-csv-note = Cells that hold several values separate them with a semicolon and a space. Empty cells mean “not known” or “not reported”, never zero. A text cell that begins with <code>=</code>, <code>+</code>, <code>-</code> or <code>@</code> is written with an apostrophe before it (<code>'=...</code>), so that no spreadsheet runs it as a formula; numbers are written as they are.
data-json-intro = An object with <code>title</code>, <code>source</code>, <code>count</code> and <code>incidents</code>, the newest first. Each incident has:
data-geojson = A feature collection with a point for every place that has coordinates (an incident in two places gives two points). Each point's properties: <code>id</code>, <code>url</code>, <code>title</code>, <code>event_date</code>, <code>location</code>, <code>country</code>, <code>geo_precision</code>, <code>perpetrators</code>, <code>killed_low</code> and <code>killed_high</code>, as in the CSV. Coordinates are WGS84 longitude and latitude; mind <code>geo_precision</code> before reading them as exact.

## Search: the box on every page, the search page and its filters.
search-label = Search the briefings
search-placeholder = A place, a group, any word
search-button = Search
page-title-search = Search
page-description-search = Find any briefing, group, country or page by a word in it
search-intro = Every word of every briefing, group and country profile and page. Narrow the results by kind, group, country, year or event.
search-without-script = Search needs JavaScript. Every incident is also listed in the chronology and can be filtered in the explorer:
search-filter-kind = Kind
search-filter-group = Group
search-filter-country = Country
search-filter-year = Year
search-filter-event = Event
search-kind-briefing = Briefing
search-kind-group = Group
search-kind-country = Country
search-kind-page = Page

## Tags, tactics, targets and regions: a page each, and an index of each kind.
term-kind-tag = Tag
term-kind-tactic = Tactic
term-kind-target = Target
term-kind-region = Region
term-title = { $kind }: { $name }
region-title = { $name }, { $country }
terms-title-tag = Tags
terms-title-tactic = Tactics
terms-title-target = Targets
terms-description-tag = Every tag the desk gives its briefings, with their incidents
terms-description-tactic = Every tactic the briefings name, with its incidents
terms-description-target = Every target the briefings name, with its incidents
terms-none = Nothing yet.
term-briefings = { $n ->
    [one] 1 briefing
   *[other] { $n } briefings
  }
term-incidents = { $n ->
    [one] 1 incident
   *[other] { $n } incidents
  }
term-description = { $incidents ->
    [one] 1 incident
   *[other] { $incidents } incidents
  }: { $name }
feed-title-term = { $name }: latest briefings — { $site }
country-regions = Regions

## Related briefings, on a briefing's page.
related-title = Related briefings
related-same-wave = Same wave: { $date }
related-group = Same group ({ $name }), { $when }
related-place = Same place ({ $name }), { $when }
related-region = Same region ({ $name }), { $when }
related-days-later = { $n ->
    [one] the next day
   *[other] { $n } days later
  }
related-days-earlier = { $n ->
    [one] the day before
   *[other] { $n } days earlier
  }
