# Les mots que voient les lecteurs, en français (syntaxe Project Fluent :
# https://projectfluent.org/fluent/guide/). Les nombres dans `{ $n }` sont
# écrits à la française (1 234, espace fine insécable) et choisissent le
# pluriel.

## Les chiffres. Aucun chiffre n'est inventé : sans borne basse -> « jusqu'à » ;
## sans aucun bilan -> « non communiqué ».
amount-exact = { $n }
amount-between = { $low }–{ $high }
amount-at-least = au moins { $low }
amount-up-to = jusqu'à { $high }
amount-not-reported = non communiqué

## Qui ont été comptés.
who-security-forces = forces de sécurité
who-civilians = civils
who-militants = combattants armés
who-unknown = non précisé
who-part = { $who } : { $amount }

## Graphiques dessinés à la construction.
chart-title = Incidents et personnes tuées par mois, { $subject }
chart-description = { $months ->
    [one] 1 mois
   *[other] { $months } mois
  } de { $first } à { $last } : { $incidents ->
    [one] 1 incident
   *[other] { $incidents } incidents
  } ; tués : { $killed }.
chart-incidents-heading = Incidents par mois
chart-killed-heading = Tués par mois (plein : confirmé ; pâle : le reste de la fourchette rapportée)

## Flux et téléchargements de données.
feed-title-site = { $site } : derniers briefings
feed-title-group = { $name } : derniers briefings — { $site }
feed-title-country = { $name } : derniers briefings — { $site }
data-title-site = Incidents — { $site }
data-title-group = Incidents impliquant { $name } — { $site }
data-title-country = Incidents : { $name } — { $site }

## La chronologie.
month-not-known = { $year }, mois inconnu
subject-all-incidents = tous les incidents

## Descriptions des pages (résultats de recherche, cartes sociales) sans profil.
group-description = { $incidents ->
    [one] 1 incident
   *[other] { $incidents } incidents
  } attribués à { $name }
country-description = { $incidents ->
    [one] 1 incident
   *[other] { $incidents } incidents
  } — { $name }

## Cartes dessinées à la construction.
map-title = Carte des incidents, { $subject }
map-description = { $places ->
    [one] 1 lieu
   *[other] { $places } lieux
  } ; la surface de chaque cercle suit le nombre de tués (cercle creux : seul un maximum a été rapporté), et mène au dernier incident en ce lieu.
map-title-briefing = Carte : { $places }
map-description-briefing = Le lieu de l'incident ; la surface du cercle suit le nombre de tués (creux : seul un maximum a été rapporté).
map-point-one = { $place } : { $title } ({ $date })
map-point-many = { $place } : { $incidents } incidents, tués : { $killed } ; dernier : { $title }

## Dates. `$day` est un nombre (le 1er du mois s'écrit « 1er ») ;
## `$year` et `$month` sont du texte.
month-name = { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
  }
month-short = { $month ->
    [1] janv.
    [2] févr.
    [3] mars
    [4] avr.
    [5] mai
    [6] juin
    [7] juill.
    [8] août
    [9] sept.
    [10] oct.
    [11] nov.
   *[12] déc.
  }
date-day = { $day ->
    [1] 1er
   *[other] { $day }
  } { $month } { $year }
date-month = { $month } { $year }
date-range-same-month = { $first }–{ $last } { $month } { $year }
date-range-same-year = { $first } { $month } – { $last }
date-range = { $first } – { $last }
