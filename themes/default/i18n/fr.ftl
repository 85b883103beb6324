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
chart-killed-heading = Tués par mois

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
  } ; la surface de chaque cercle suit le nombre de tués (cercle creux : seul un maximum a été rapporté) et mène à son incident ; un cercle portant un nombre regroupe plusieurs incidents, listés sous la carte.
map-title-briefing = Carte : { $places }
map-description-briefing = Le lieu de l'incident ; la surface du cercle suit le nombre de tués (creux : seul un maximum a été rapporté).
map-point-one = { $place } : { $title } ({ $date })
picture-credit-desk = Réalisation : la rédaction
map-cluster = { $places } : { $incidents } incidents, listés sous la carte

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

## La langue, comme ses lecteurs la nomment, et sa locale OpenGraph.
language-name = Français
og-locale = fr_FR

## Chaque page : navigation, pied de page, titre d'une page d'une liste.
skip-to-content = Aller au contenu
nav-main = Navigation principale
nav-languages = Langues
nav-chronology = Chronologie
nav-groups = Groupes
nav-countries = Pays
nav-explorer = Explorateur
nav-corrections = Rectificatifs
nav-data = Données
nav-feed = Flux Atom
footer-figures = Chaque chiffre garde sa fourchette et sa source : un total se lit « au moins » quand un rapport ne donne pas de borne haute, « jusqu'à » quand seuls des maximums ont été rapportés.
footer-how = Comment les chiffres sont comptés
title-page-of = (page { $number } sur { $pages })

## Nombres et décomptes de plusieurs pages.
number = { $n }
count-incidents = { $n ->
    [one] { $n } incident
   *[other] { $n } incidents
  }
no-briefings = Aucun briefing n'a encore été publié.
by-year = Par année

## Chiffres clés.
stat-incidents = Incidents
stat-killed = Tués
stat-injured = Blessés
stat-countries = Pays

## La page d'accueil.
home-developments = Outre les incidents, { $n ->
    [one] { $n } fait marquant est recensé
   *[other] { $n } faits marquants sont recensés
  } (une vidéo de propagande, un camp d'entraînement, un accord) : ils ne sont pas comptés dans ces chiffres.
home-latest = Derniers briefings
home-more-chronology = Tous les incidents dans la chronologie
home-more-explorer = Les filtrer dans l'explorateur
home-more-data = Télécharger les données
home-perpetrators = Auteurs
home-all-groups = Tous les groupes

## Un incident dans une liste ; chiffres répartis selon les personnes comptées.
badge-development = Fait marquant
badge-draft = Brouillon
badge-scheduled = Programmé
no-perpetrator = Aucun auteur désigné
more-perpetrators = { $n ->
    [one] et 1 autre groupe
   *[other] et { $n } autres groupes
}
development-note = Pas un incident violent : il n'est compté dans aucun total, graphique ou carte.
split-part = { $who } :
split-separator = {" ; "}
maximum-only = { $n ->
    [one] { $n } incident ne rapporte
   *[other] { $n } incidents ne rapportent
  } qu'un maximum

## La carte et le graphique d'une liste d'incidents.
map-heading = Où
map-caption = Choisissez un cercle pour ouvrir son briefing ; un nombre signale plusieurs incidents, listés sous la carte. Les faits marquants ne figurent pas sur la carte.
map-places-heading = Lieux de plusieurs incidents
map-places-count = { $n } incidents
map-places-more = { $n ->
    [one] 1 incident antérieur figure
   *[other] { $n } incidents antérieurs figurent
  } dans la chronologie.
map-scale = { $km } km
map-key-size = L’aire d’un cercle : les personnes tuées en ce lieu (le chiffre confirmé)
map-key-hollow = Un cercle vide : seul un maximum a été rapporté
chart-heading = Mois par mois
chart-undated = { $n ->
    [one] { $n } incident n'est daté que par l'année et ne figure pas sur le graphique.
   *[other] { $n } incidents ne sont datés que par l'année et ne figurent pas sur le graphique.
  }
chart-legend-confirmed = Tués, confirmé : le chiffre le plus bas rapporté
chart-legend-range = Le reste de la fourchette rapportée, jusqu’au chiffre le plus haut (toute la barre quand seul un maximum est rapporté)
chart-numbers = Les chiffres du graphique
chart-table = Tableau des incidents et des tués par mois
column-month = Mois

## Listes en plusieurs pages.
pager-pages = Pages
pager-newer = ← Plus récents
pager-older = Plus anciens →
page-note = Page { $number } sur { $pages }, du plus récent au plus ancien.

## Titres et descriptions des pages faites de faits.
feed-name = { $name } : derniers briefings
page-title-groups = Groupes
page-description-groups = Groupes armés et autres acteurs cités dans les briefings
page-title-countries = Pays
page-description-countries = Incidents par pays
page-title-chronology = Chronologie
page-description-chronology = Tous les incidents, du plus récent au plus ancien
page-title-year = Chronologie : { $year }
page-description-year = Tous les incidents de { $year }
page-title-corrections = Rectificatifs
page-description-corrections = Tous les rectificatifs apportés aux briefings publiés
page-title-data = Données
page-description-data = Télécharger tous les incidents en JSON, CSV ou GeoJSON
page-title-explorer = Explorateur d'incidents
page-description-explorer = Filtrer tous les incidents par groupe, pays, tactique, cible, revendication et date
page-title-404 = Page introuvable

## Valeurs des listes fixes, dans les mots du lecteur.
event-attack = attaque
event-battle = affrontement
event-explosion = explosion
event-violence-against-civilians = violences contre des civils
event-protest = manifestation
event-riot = émeute
event-development = fait marquant
casualty-killed = tués
casualty-injured = blessés
casualty-captured = capturés
casualty-missing = disparus
precision-exact = exacte
precision-town = localité
precision-region = région
precision-country = pays
role-perpetrator = Auteur
role-target = Cible
role-responder = Intervenant
role-other = Autre
claim-claimed = Revendiqué
claim-attributed = Attribué
claim-suspected = Soupçonné
claim-denied = Démenti
group-kind-armed-group = groupe armé
group-kind-state-force = force nationale
group-kind-foreign-force = force étrangère
group-kind-other = autre acteur
group-kinds-armed-group = Groupes armés
group-kinds-state-force = Forces nationales
group-kinds-foreign-force = Forces étrangères
group-kinds-other = Autres acteurs

## Coordonnées : 12,64° N, 8,00° O.
coordinates = { $lat }° { $ns }, { $lon }° { $ew }
compass-north = N
compass-south = S
compass-east = E
compass-west = O

## La page d'un briefing.
briefing-untranslated = Ce briefing n'a pas encore été traduit : il est présenté tel qu'il a été écrit, dans sa langue d'origine ({ $language }).
briefing-draft = <strong>Brouillon.</strong> Ce briefing n'est pas publié ; vous le voyez parce que cet aperçu montre les brouillons.
briefing-scheduled = <strong>Programmé</strong> pour le { $date } ; pas encore publié.
briefing-development = <strong>Un fait marquant</strong>, pas un incident violent : il figure dans la chronologie mais n'est compté dans aucun total, graphique ou carte.
briefing-published = Publié le
briefing-updated = Mis à jour le
count-corrections = { $n ->
    [one] { $n } rectificatif
   *[other] { $n } rectificatifs
  }
briefing-key-facts = Les faits
fact-date = Date
fact-day-not-known = (jour inconnu)
fact-month-not-known = (mois inconnu)
fact-event = Événement
fact-places = { $n ->
    [one] Lieu
   *[other] Lieux
  }
fact-precision = précision : { $precision }
fact-actors = Acteurs
fact-written-as = (sous le nom « { $name } »)
fact-unattributed = Non attribué
fact-reports-differ = (les sources divergent)
fact-targets = Cibles
fact-tactics = Tactiques
casualties-heading = Bilans rapportés
casualties-note = Chaque chiffre tel qu'il a été rapporté, avec sa source. Pour chaque catégorie, la fourchette va de la plus basse des bornes basses données par un rapport à la plus haute des bornes hautes, additionnées sur les personnes comptées ; un chiffre qu'aucun rapport ne borne par le bas se lit « jusqu'à ».
casualties-table = Tableau des bilans rapportés
column-kind = Catégorie
column-who = Qui
column-figure = Chiffre
column-according-to = Selon
column-range = Fourchette
column-based-on = D'après
count-reports = { $n ->
    [one] { $n } rapport
   *[other] { $n } rapports
  }
sources-heading = Sources
source-no-address = (pas d'adresse web)
sources-none = Aucune source n'est indiquée pour ce briefing.
tags-label = Mots-clés :
previous-incident = Incident précédent
next-incident = Incident suivant

## La page d'un groupe et celle d'un pays.
stat-carried-out = Incidents commis
stat-killed-in-them = Tués lors de ces incidents
stat-militants-killed = Combattants tués lors de ces incidents
stat-against = Attaques subies
group-carried-out = { $name } a commis { $n ->
    [one] { $n } incident
   *[other] { $n } incidents
  } recensés dans ces briefings
killed-in-them = {" "}; tués lors de ces incidents :
killed-colon = {" "}; tués :
militants-besides = , outre
militants-killed-same = combattants tués lors des mêmes incidents
no-death-toll = {" "}; aucun rapport ne donne de bilan
of-these-maximum-only = { $n ->
    [one] { $n } de ces incidents ne rapporte
   *[other] { $n } de ces incidents ne rapportent
  } qu'un maximum.
developments-listed = { $n ->
    [one] { $n } fait marquant est aussi recensé, sans être compté.
   *[other] { $n } faits marquants sont aussi recensés, sans être comptés.
  }
claims-label = Revendications :
group-against = { $besides ->
    [true] En outre, { $name } a été
   *[false] { $name } a été
  } la cible de { $n ->
    [one] { $n } attaque (ou y a riposté)
   *[other] { $n } attaques (ou y a riposté)
  }, recensées ci-dessous : leurs victimes ne sont ajoutées à aucun chiffre de { $name }.
group-with-components = Avec ses composantes : { $n ->
    [one] { $n } incident commis
   *[other] { $n } incidents commis
  } ; tués lors de ces incidents :
profile-heading = Profil
profile-aliases = Autres noms
profile-affiliation = Affiliation
profile-founded = Fondé en
profile-active-in = Pays d'activité
profile-part-of = Fait partie de
profile-components = Composantes
profile-untranslated = Ce profil n'a pas encore été traduit : il est présenté dans sa langue d'origine ({ $language }).
profile-none = La rédaction n'a pas encore rédigé de profil de ce groupe.
group-download = Télécharger tous les briefings citant { $name } (JSON)
group-perpetrated = Incidents commis
group-against-note = { $name } a été la cible de ces incidents, ou y a riposté. Ils sont comptés à part : aucune personne tuée lors de ces incidents n'est comptée parmi les victimes de { $name }.
group-mentions = Autres briefings qui le citent
group-no-briefing = Aucun briefing ne cite encore { $name }.
group-component-incidents = Incidents de ses composantes
group-component-note = Ces incidents citent l'une des composantes de { $name }, et non { $name } lui-même.
group-via = Par { $name }
pager-pages-of = Pages de { $name }
country-incidents = { $name } : { $n ->
    [one] { $n } incident
   *[other] { $n } incidents
  }
country-groups = Groupes impliqués
country-download = Télécharger ces briefings (JSON)
country-no-incident = Aucun incident n'a encore été recensé dans ce pays ({ $name }).

## La chronologie.
chronology-lede = { $n ->
    [one] { $n } incident
   *[other] { $n } incidents
  }, du plus récent au plus ancien
count-developments = { $n ->
    [one] { $n } fait marquant
   *[other] { $n } faits marquants
  }
chronology-latest = Les plus récents
chronology-older = Les incidents plus anciens sont classés par année :
nav-years = Années

## Listes des groupes et des pays ; rectificatifs ; page libre ; page introuvable.
groups-lede = Groupes armés, forces nationales et étrangères et autres acteurs cités dans les briefings, avec les incidents où ils sont impliqués.
table-of = Tableau : { $name }
column-name = Nom
column-country = Pays
groups-part-of = (fait partie de { $name })
groups-no-profile = (pas encore de profil)
groups-none = Aucun groupe n'est encore cité dans les briefings.
countries-lede = Tous les pays où s'est produit un incident recensé.
countries-table = Tableau des pays
corrections-lede = Quand un briefing publié change sur le fond, la modification est consignée ici et sur le briefing lui-même.
corrections-none = Aucun rectificatif n'a été publié à ce jour.
not-found-lede = Il n'y a pas de page à cette adresse. Elle a peut-être été déplacée, ou le lien est mal saisi.
page-draft = <strong>Brouillon.</strong> Cette page n'est pas publiée.
page-untranslated = Cette page n'a pas encore été traduite : elle est présentée dans sa langue d'origine ({ $language }).

## L'explorateur (et les mots du script).
explorer-lede = Filtrez { $n ->
    [one] le seul incident
   *[other] les { $n } incidents
  } de ce site par groupe, pays, tactique, cible, revendication et date, ou cherchez dans leur texte. L'adresse de la page garde les filtres : copiez-la pour partager la vue.
explorer-form = Filtrer les incidents
explorer-search = Rechercher
explorer-search-hint = Titres, résumés et lieux ; accents et majuscules sans importance.
explorer-group = Groupe
explorer-any-group = Tous les groupes
explorer-group-hint = Quel que soit son rôle : auteur, cible ou autre.
explorer-claim = Revendication
explorer-any = Toutes
explorer-claim-hint = Celle d'un auteur, ou du groupe choisi.
explorer-any-event = Tous les événements
explorer-event-hint = Les faits marquants (une vidéo, un camp, un accord) ne sont pas des violences : recensés, jamais comptés.
explorer-any-country = Tous les pays
explorer-tactic = Tactique
explorer-any-tactic = Toutes les tactiques
explorer-target = Cible
explorer-any-target = Toutes les cibles
explorer-from = Du
explorer-to = Au
explorer-dates-hint = Mois, au format AAAA-MM ; bornes incluses.
explorer-clear = Effacer les filtres
explorer-matching = Incidents retenus
explorer-and = et
explorer-killed-colon = tués :
explorer-injured-colon = blessés :
explorer-fallback = L'explorateur filtre les incidents dans votre navigateur et a besoin de JavaScript. Tous les incidents figurent aussi dans la <a href="{ $chronology }">chronologie</a>, du plus récent au plus ancien, et dans les <a href="{ $data }">données à télécharger</a> (<a href="{ $json }">JSON</a>, CSV, GeoJSON).
explorer-error = Les incidents n'ont pas pu être chargés. Tous les incidents figurent aussi dans la <a href="{ $chronology }">chronologie</a> et dans les <a href="{ $data }">données à télécharger</a>.
explorer-empty = Aucun incident ne correspond à ces filtres.
explorer-map-caption = Les incidents violents retenus par les filtres, un cercle par lieu : sa surface suit le nombre de tués en ce lieu (creux : seul un maximum a été rapporté) ; choisissez-le pour ouvrir le dernier briefing de ce lieu.
explorer-map-place = { $place } : { $n ->
    [one] 1 incident
   *[other] { $n } incidents
  }
explorer-show-more-button = Afficher plus
explorer-killed = Tués
explorer-incident = incident
explorer-incidents = incidents
explorer-development = fait marquant
explorer-developments = faits marquants
explorer-of = {" sur "}
explorer-show-more = Afficher { $n } de plus ({ $left } non affichés)
explorer-not-on-site = (absent de ce site)

## La page des données (le dictionnaire des données suit).
data-lede = Tous les briefings de ce site, soit { $n ->
    [one] { $n } incident
   *[other] { $n } incidents
  }{ $developments ->
    [0] {""}
    [one] {" "}et { $developments } fait marquant
   *[other] {" "}et { $developments } faits marquants
  } au total, sous forme de données à télécharger et à réutiliser. Les fichiers sont reconstruits avec le site : ils correspondent toujours aux pages.
data-downloads = Téléchargements
data-per-page = Le même JSON, pour les incidents d'un groupe ou d'un pays, est proposé sur la page de chaque groupe et de chaque pays.
data-csv-heading = incidents.csv : une ligne par incident
data-csv-table = Tableau des colonnes du CSV
data-column = Colonne
data-holds = Contenu
data-json-heading = incidents.json : tous les champs
data-json-table = Tableau des champs du JSON
data-field = Champ
data-geojson-heading = incidents.geojson : un point par lieu
data-per-heading = Par groupe et par pays
data-per-group = Incidents d'un groupe (JSON)
data-per-country = Incidents dans un pays (JSON)
data-how-1 = Les bilans sont contestés : chaque rapport est donc conservé avec sa source. Pour chaque incident, chaque catégorie de victimes et chaque groupe de personnes comptées (civils, forces de sécurité, combattants, personnes non identifiées), le chiffre bas est la plus petite borne basse donnée par un rapport, et le chiffre haut la plus grande borne haute ; le chiffre de l'incident les additionne sur les groupes de personnes. Un rapport qui ne donne qu'un maximum (« près de 200 ») n'a pas de borne basse : il se lit « jusqu'à 200 », jamais 0. Le chiffre haut est vide quand un rapport ne donne qu'un minimum.
data-how-2 = Un total sur plusieurs incidents additionne leurs chiffres bas et, quand chacun en a un, leurs chiffres hauts : il se lit « 144–350 » quand les deux sont connus, « au moins 144 » quand un incident n'a pas de borne haute, « jusqu'à 200 » quand seuls des maximums ont été rapportés, et « non communiqué » quand aucun rapport n'existe. Les pages indiquent à côté d'un total combien de ses incidents ne rapportent qu'un maximum, et répartissent chaque total selon les personnes comptées. Sur la page d'un groupe, les personnes tuées lors des incidents qu'il a commis sont ses victimes ; les combattants tués lors de ces incidents sont présentés à part, et les attaques contre le groupe sont comptées à part.
data-how-3 = Les faits marquants (une vidéo de propagande, un camp d'entraînement, un accord) sont recensés, signalés, et jamais comptés dans un total, un graphique ou une carte. La colonne <code>event_type</code> donne le type de chaque incident dans la typologie d'ACLED.
data-csv-note = Les cellules qui contiennent plusieurs valeurs les séparent par un point-virgule suivi d'une espace. Une cellule vide signifie « inconnu » ou « non communiqué », jamais zéro. Une cellule de texte qui commence par <code>=</code>, <code>+</code>, <code>-</code> ou <code>@</code> est précédée d'une apostrophe (<code>'=...</code>), afin qu'aucun tableur ne l'exécute comme une formule ; les nombres sont écrits tels quels.
data-json-intro = Un objet avec <code>title</code>, <code>source</code>, <code>count</code> et <code>incidents</code>, du plus récent au plus ancien. Chaque incident comporte :
data-geojson = Une collection d'entités avec un point pour chaque lieu doté de coordonnées (un incident survenu en deux lieux donne deux points). Propriétés de chaque point : <code>id</code>, <code>url</code>, <code>title</code>, <code>event_date</code>, <code>location</code>, <code>country</code>, <code>geo_precision</code>, <code>perpetrators</code>, <code>killed_low</code> et <code>killed_high</code>, comme dans le CSV. Les coordonnées sont la longitude et la latitude WGS84 ; tenez compte de <code>geo_precision</code> avant de les lire comme exactes.

## Recherche : la case de chaque page, la page de recherche et ses filtres.
search-label = Rechercher dans les briefings
search-placeholder = Un lieu, un groupe, un mot
search-button = Rechercher
page-title-search = Recherche
page-description-search = Trouver un briefing, un groupe, un pays ou une page par un mot qu'il contient
search-intro = Tous les mots de chaque briefing, profil de groupe ou de pays et page. Affinez les résultats par genre, groupe, pays, année ou événement.
search-without-script = La recherche demande JavaScript. Chaque incident figure aussi dans la chronologie et peut être filtré dans l'explorateur :
search-filter-kind = Genre
search-filter-group = Groupe
search-filter-country = Pays
search-filter-year = Année
search-filter-event = Événement
search-kind-briefing = Briefing
search-kind-group = Groupe
search-kind-country = Pays
search-kind-page = Page

## Mots-clés, tactiques, cibles et régions : une page chacun, et un index de chaque sorte.
term-kind-tag = Mot-clé
term-kind-tactic = Tactique
term-kind-target = Cible
term-kind-region = Région
term-title = { $kind } : { $name }
region-title = { $name }, { $country }
terms-title-tag = Mots-clés
terms-title-tactic = Tactiques
terms-title-target = Cibles
terms-description-tag = Tous les mots-clés des briefings, avec leurs incidents
terms-description-tactic = Toutes les tactiques que citent les briefings, avec leurs incidents
terms-description-target = Toutes les cibles que citent les briefings, avec leurs incidents
terms-none = Rien pour l'instant.
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
  } : { $name }
feed-title-term = { $name } : derniers briefings — { $site }
country-regions = Régions

## Briefings liés, sur la page d'un briefing.
related-title = Briefings liés
related-same-wave = Même vague : { $date }
related-group = Même groupe ({ $name }), { $when }
related-place = Même lieu ({ $name }), { $when }
related-region = Même région ({ $name }), { $when }
related-days-later = { $n ->
    [one] le lendemain
   *[other] { $n } jours plus tard
  }
related-days-earlier = { $n ->
    [one] la veille
   *[other] { $n } jours plus tôt
  }
