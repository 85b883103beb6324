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

## La page des données : les téléchargements, puis le contenu de chaque
## colonne CSV et de chaque champ JSON.
download-incidents-json-title = Tous les incidents
download-incidents-json = Tous les champs de chaque incident, avec chaque bilan rapporté et chaque source.
download-incidents-csv-title = Tous les incidents
download-incidents-csv = Une ligne par incident, avec les colonnes ci-dessous ; s'ouvre dans tout tableur.
download-incidents-geojson-title = Tous les lieux localisés
download-incidents-geojson = Un point par lieu doté de coordonnées, pour les outils SIG et les cartes en ligne.
csv-id = Identifiant (slug) du briefing ; stable et unique.
csv-url = Adresse du briefing.
csv-title = Titre du briefing.
csv-event-date = Jour où l'incident a commencé (AAAA-MM-JJ), son mois (AAAA-MM) quand le jour n'est pas connu, ou son année (AAAA).
csv-end-date = Dernier jour d'un incident sur plusieurs jours ; vide sinon.
csv-date-precision = `day` (jour), `month` (mois) ou `year` (année).
csv-event = Ce que consigne le briefing : attack, battle, explosion, violence against civilians, protest, riot ou development (pas une violence ; exclu de tous les totaux).
csv-event-type = Type d'événement selon ACLED : Battles, Explosions/Remote violence, Violence against civilians, Protests, Riots ou Strategic developments. Une attaque relève de Violence against civilians quand tous les bilans portent sur des civils, sinon de Battles.
csv-countries = Codes ISO 3166-1 alpha-2, séparés par `; `.
csv-admin1 = Divisions administratives de premier niveau des lieux, séparées par `; `.
csv-location = Noms des lieux, séparés par `; `.
csv-latitude = Latitude WGS84 du premier lieu doté de coordonnées ; vide si aucun n'en a.
csv-longitude = Longitude WGS84 de ce lieu.
csv-geo-precision = Précision de la localisation de ce lieu : `exact`, `town` (localité), `region` ou `country` (pays).
csv-perpetrators = Auteurs avec le statut de la revendication, par ex. `JNIM (claimed); ISSP (suspected)`.
csv-other-actors = Autres acteurs avec leur rôle, par ex. `Malian Armed Forces (target)`.
csv-targets = Ce qui a été visé, séparé par `; `.
csv-tactics = Les moyens employés, séparés par `; `.
csv-killed-low = Nombre de tués, borne basse : pour chaque catégorie de personnes, la plus basse des bornes basses rapportées, additionnée ; vide quand aucun bilan ne donne de borne basse (seulement un maximum, ou rien). Jamais un 0 inventé.
csv-killed-high = Nombre de tués, borne haute : le plus haut chiffre rapporté pour chaque catégorie de personnes, additionné ; vide quand un bilan ne donne pas de borne haute ou que rien n'a été rapporté.
csv-killed-security-forces-low = Comme killed_low, pour les forces de sécurité seulement.
csv-killed-security-forces-high = Comme killed_high, pour les forces de sécurité seulement.
csv-killed-civilians-low = Comme killed_low, pour les civils seulement.
csv-killed-civilians-high = Comme killed_high, pour les civils seulement.
csv-killed-militants-low = Comme killed_low, pour les combattants armés seulement (les assaillants : pas des victimes des auteurs).
csv-killed-militants-high = Comme killed_high, pour les combattants armés seulement.
csv-killed-unknown-low = Comme killed_low, pour les personnes que les bilans ne précisent pas.
csv-killed-unknown-high = Comme killed_high, pour les personnes que les bilans ne précisent pas.
csv-injured-low = Comme killed_low, pour les blessés.
csv-injured-high = Comme killed_high, pour les blessés.
csv-captured-low = Comme killed_low, pour les personnes capturées ou enlevées.
csv-captured-high = Comme killed_high, pour les personnes capturées ou enlevées.
csv-missing-low = Comme killed_low, pour les disparus.
csv-missing-high = Comme killed_high, pour les disparus.
csv-reports = Nombre de bilans rapportés derrière les chiffres (chacun détaillé dans le JSON).
csv-sources = Adresses des sources, séparées par `; ` (le titre et l'éditeur d'une source sans adresse).
json-id = Identifiant (slug) du briefing.
json-url = Adresse du briefing.
json-title = Titre.
json-summary = Chapeau en une phrase.
json-event-date = AAAA-MM-JJ, AAAA-MM quand seul le mois est connu, ou AAAA quand seule l'année l'est.
json-end-date = Dernier jour, ou null.
json-date-precision = `day` (jour), `month` (mois) ou `year` (année).
json-event = attack, battle, explosion, violence against civilians, protest, riot ou development.
json-event-type = Type d'événement selon ACLED (voir la colonne CSV).
json-published = Jour de publication, ou null quand il n'est pas connu.
json-updated = Jour de la dernière mise à jour, ou null.
json-countries = Liste de {"{"}code, name, slug{"}"}.
json-locations = Liste de {"{"}name, country, admin1, latitude, longitude, precision{"}"}.
json-actors = Liste de {"{"}name, slug, role, claim, written_as{"}"} : role vaut perpetrator, target, responder ou other ; claim vaut claimed, attributed, suspected, denied ou none.
json-targets = Liste de termes libres.
json-tactics = Liste de termes libres.
json-tags = Liste de termes libres.
json-casualties = Chiffres dérivés : {"{"}killed, injured, captured, missing{"}"}, chacun null quand rien n'a été rapporté, sinon {"{"}low, high, by_who: [{"{"}who, low, high{"}"}]{"}"} ; low est null quand seuls des maximums ont été rapportés, high quand un bilan ne donne pas de borne haute.
json-reports = Chaque bilan rapporté : {"{"}kind, who, min, max, according_to{"}"} ; un chiffre exact a min = max.
json-sources = Liste de {"{"}url, title, publisher, date{"}"}.
