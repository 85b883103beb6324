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
