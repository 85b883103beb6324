//! Groups: briefings' group names matched to profiles by name or alias, groups
//! without a profile, parents and components, incidents and totals.

use foldhash::{HashMap, HashSet};
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, Diagnostics, Span, did_you_mean, display_path};
use crate::model::names::{MAX_SLUG, match_key, slugify};
use crate::model::{Briefing, Claim, GroupProfile, IncidentFigures, Role, Totals, Who};

use super::{BriefingId, GroupId, Involvement, check_sum};

/// A group with a page: profiled, or only named by briefings.
#[derive(Debug, Clone)]
pub struct Group {
    /// URL slug: the profile's file name, or the name made into a slug.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// The desk's profile, if written.
    pub profile: Option<GroupProfile>,
    /// The coalition it belongs to.
    pub parent: Option<GroupId>,
    /// Groups whose parent it is, sorted by name.
    pub components: Vec<GroupId>,
    /// Every briefing naming it, in any role, developments too, newest first.
    pub incidents: Vec<BriefingId>,
    /// Incidents of its components (at any depth) that do not name it, newest first.
    pub component_incidents: Vec<(BriefingId, GroupId)>,
    /// Totals over the incidents of violence it carried out: `all` counts their
    /// victims (everyone but militants), `by_who` everyone, militants apart.
    pub perpetrator_totals: Totals,
    /// Totals over the incidents of violence in which it was a target or
    /// responder ("attacks against it"), never added to the above.
    pub against_totals: Totals,
    /// Of its perpetrator incidents: claimed, attributed, suspected, denied.
    pub claims: [usize; 4],
    /// Developments naming it (listed, not counted).
    pub developments: usize,
    /// Perpetrator totals over its own and its components' incidents.
    pub with_components_totals: Totals,
}

impl Group {
    fn new(slug: String, name: String, profile: Option<GroupProfile>) -> Group {
        Group {
            slug,
            name,
            profile,
            parent: None,
            components: Vec::new(),
            incidents: Vec::new(),
            component_incidents: Vec::new(),
            perpetrator_totals: Totals::default(),
            against_totals: Totals::default(),
            claims: [0; 4],
            developments: 0,
            with_components_totals: Totals::default(),
        }
    }
}

/// Why a name no profile claims gets no group.
enum Refusal {
    /// Its slug would be too long for a folder name.
    TooLong,
    /// It makes an empty slug.
    NoLetters,
    /// Its slug is another group's (that group, the slug).
    Clash(GroupId, String),
    /// It is a near miss of a profiled group's name or alias: a typo.
    Typo(GroupId),
}

/// The profiled group whose name or alias `key` (a match key) nearly is: a
/// typo such as `jnmi` for `jnim`. Near means one edit (a letter added,
/// dropped, changed, or two swapped) in a name of up to nine letters, two up
/// to fourteen, three beyond; names under three letters are never near.
fn near_miss(key: &str, profile_keys: &[(String, GroupId)]) -> Option<GroupId> {
    if key.len() < 3 {
        return None;
    }
    profile_keys
        .iter()
        .filter(|(k, _)| k.len() >= 3)
        .map(|(k, id)| (strsim::osa_distance(key, k), k.len().max(key.len()), *id))
        .filter(|&(distance, len, _)| distance <= allowed_edits(len))
        .min_by_key(|&(distance, _, _)| distance)
        .map(|(_, _, id)| id)
}

/// How many edits still make a near miss of a name `len` letters long.
fn allowed_edits(len: usize) -> usize {
    match len {
        0..=9 => 1,
        10..=14 => 2,
        _ => 3,
    }
}

/// The error for a name that is a near miss of `group`'s.
fn typo(path: &std::path::Path, name: &str, group: &Group, span: Option<Span>) -> Diagnostic {
    let aliases = group.profile.as_ref().map(|p| p.aliases.join("`, `")).unwrap_or_default();
    let also = if aliases.is_empty() { String::new() } else { format!(" (or an alias: `{aliases}`)") };
    Diagnostic::error("group-typo", path, format!("group `{name}` matches no profile; did you mean `{}`?", group.name))
        .at_opt(span)
        .hint(format!(
            "write `{}`{also}; if `{name}` is another group, give it a profile in content/groups/{}.md",
            group.name,
            slugify(name)
        ))
}

/// Resolves every group name of every briefing; returns the groups (sorted by
/// name) and, per briefing, its involvements.
pub fn resolve(
    profiles: Vec<GroupProfile>,
    briefings: &[Arc<Briefing>],
    figures: &[IncidentFigures],
    withheld: &super::Withheld,
    diags: &mut Diagnostics,
) -> (Vec<Group>, Vec<Vec<Involvement>>) {
    let mut profiles = profiles;
    profiles.sort_by(|a, b| a.origin.path.cmp(&b.origin.path));
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<String, GroupId> = HashMap::default();
    let mut by_slug: HashMap<String, GroupId> = HashMap::default();
    for profile in profiles {
        if let Some(&other) = by_slug.get(&profile.slug) {
            let first = groups[other].profile.as_ref().map(|p| display_path(&p.origin.path)).unwrap_or_default();
            diags.push(
                Diagnostic::error(
                    "duplicate-profile",
                    &profile.origin.path,
                    format!("group slug `{}` is also the profile {first}", profile.slug),
                )
                .hint("two group profiles cannot share a file name"),
            );
            continue;
        }
        let id = groups.len();
        for (name, span) in profile.names() {
            let key = match_key(name);
            if key.is_empty() {
                continue;
            }
            match by_key.get(&key) {
                Some(&other) if other != id => {
                    let first =
                        groups[other].profile.as_ref().map(|p| display_path(&p.origin.path)).unwrap_or_default();
                    diags.push(
                        Diagnostic::error(
                            "duplicate-group-name",
                            &profile.origin.path,
                            format!(
                                "the name `{name}` is also claimed by the profile {first} ({})",
                                groups[other].name
                            ),
                        )
                        .at_opt(span)
                        .hint("a name or alias may belong to one group only; remove it from one of the two profiles"),
                    );
                }
                Some(_) => {}
                None => {
                    by_key.insert(key, id);
                }
            }
        }
        by_slug.insert(profile.slug.clone(), id);
        groups.push(Group::new(profile.slug.clone(), profile.name.clone(), Some(profile)));
    }
    let profiled = groups.len();
    // Most briefings name the same few groups in the same few spellings:
    // number each spelling once, and make its key once.
    let mut spelling_ids: HashMap<&str, usize> = HashMap::default();
    let mut spellings: Vec<&str> = Vec::new();
    let mut mention_spelling: Vec<usize> = Vec::with_capacity(briefings.len());
    for m in briefings.iter().flat_map(|b| &b.groups) {
        let id = *spelling_ids.entry(m.name.as_str()).or_insert_with(|| {
            spellings.push(m.name.as_str());
            spellings.len() - 1
        });
        mention_spelling.push(id);
    }
    let keys: Vec<String> = spellings.iter().map(|s| match_key(s)).collect();
    let mut uses = vec![0usize; spellings.len()];
    mention_spelling.iter().for_each(|&s| uses[s] += 1);
    // A name no profile claims gets a group of its own, under the spelling
    // most briefings use (a tie goes to the one that sorts first): never
    // under whichever briefing happens to come first.
    let mut unclaimed: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (s, key) in keys.iter().enumerate() {
        if !by_key.contains_key(key) {
            unclaimed.entry(key.as_str()).or_default().push(s);
        }
    }
    // Sorted: of two equally near names, the same one is offered every time.
    let mut profile_keys: Vec<(String, GroupId)> = by_key.iter().map(|(k, &id)| (k.clone(), id)).collect();
    profile_keys.sort();
    let mut refused: HashMap<&str, Refusal> = HashMap::default();
    for (key, spelt) in unclaimed {
        if let Some(profiled) = near_miss(key, &profile_keys) {
            refused.insert(key, Refusal::Typo(profiled));
            continue;
        }
        let Some(&best) =
            spelt.iter().max_by(|&&a, &&b| uses[a].cmp(&uses[b]).then_with(|| spellings[b].cmp(spellings[a])))
        else {
            continue;
        };
        let name = spellings[best];
        let slug = slugify(name);
        if slug.len() > MAX_SLUG {
            refused.insert(key, Refusal::TooLong);
        } else if slug.is_empty() {
            refused.insert(key, Refusal::NoLetters);
        } else if let Some(&clash) = by_slug.get(&slug) {
            refused.insert(key, Refusal::Clash(clash, slug));
        } else {
            let id = groups.len();
            groups.push(Group::new(slug.clone(), name.to_string(), None));
            by_key.insert(key.to_string(), id);
            by_slug.insert(slug, id);
        }
    }
    let group_of: Vec<Option<GroupId>> = keys.iter().map(|k| by_key.get(k).copied()).collect();

    // Match every mention.
    let mut involvements = Vec::with_capacity(briefings.len());
    let mut warned: HashSet<GroupId> = HashSet::default();
    let mut spelling_of_mention = mention_spelling.into_iter();
    for b in briefings {
        let mut list: Vec<Involvement> = Vec::with_capacity(b.groups.len());
        for m in &b.groups {
            let spelling = spelling_of_mention.next().expect("one spelling per mention");
            let id = match group_of[spelling] {
                Some(id) => id,
                None => {
                    let refusal = refused.get(keys[spelling].as_str());
                    if let Some(&Refusal::Typo(profiled)) = refusal {
                        diags.push(typo(&b.origin.path, &m.name, &groups[profiled], m.span));
                        continue;
                    }
                    let (message, hint) = match refusal {
                        Some(Refusal::TooLong | Refusal::Typo(_)) | None => (
                            format!("group name is {} characters long; the most is {MAX_SLUG}", m.name.len()),
                            "give the group's usual name; a long name belongs in its profile's `full_name`".to_string(),
                        ),
                        Some(Refusal::NoLetters) => (
                            format!("group name `{}` has no letters or digits", m.name),
                            "write the group's name".into(),
                        ),
                        Some(Refusal::Clash(clash, slug)) => (
                            format!(
                                "group `{}` would take the address /groups/{slug}/, which belongs to {}",
                                m.name, groups[*clash].name
                            ),
                            format!(
                                "if they are the same group, add `{}` to the aliases of {}",
                                m.name, groups[*clash].name
                            ),
                        ),
                    };
                    let code =
                        if matches!(refusal, Some(Refusal::Clash(..))) { "group-slug-clash" } else { "bad-group-name" };
                    diags.push(Diagnostic::error(code, &b.origin.path, message).at_opt(m.span).hint(hint));
                    continue;
                }
            };
            if id >= profiled && warned.insert(id) {
                diags.push(no_profile(&b.origin.path, &m.name, &groups[id].slug, &groups, m.span));
            }
            if let Some(first) = list.iter().find(|inv| inv.group == id) {
                diags.push(
                    Diagnostic::error(
                        "repeated-group",
                        &b.origin.path,
                        format!("{} is listed twice (as `{}` and `{}`)", groups[id].name, first.written_as, m.name),
                    )
                    .at_opt(m.span)
                    .hint("list each group once, with its role and claim"),
                );
                continue;
            }
            list.push(Involvement { group: id, role: m.role, claim: m.claim, written_as: m.name.clone() });
        }
        involvements.push(list);
    }
    check_unindexed(&withheld.unindexed, &groups, &by_key, &profile_keys, &warned, diags);
    link_parents(&mut groups, &by_key, diags);
    if !withheld.rejected_briefings {
        let also_used: HashSet<GroupId> = withheld
            .unindexed
            .iter()
            .flat_map(|u| &u.groups)
            .filter_map(|m| by_key.get(&match_key(&m.name)).copied())
            .collect();
        warn_unused_profiles(&groups, &involvements, &also_used, diags);
    }
    // Sort by name; remap every id.
    let mut order: Vec<GroupId> = (0..groups.len()).collect();
    let lower: Vec<String> = groups.iter().map(|g| g.name.to_lowercase()).collect();
    order.sort_by(|&a, &b| lower[a].cmp(&lower[b]).then(a.cmp(&b)));
    let mut new_id = vec![0; groups.len()];
    for (new, &old) in order.iter().enumerate() {
        new_id[old] = new;
    }
    let mut slots: Vec<Option<Group>> = groups.into_iter().map(Some).collect();
    let mut groups: Vec<Group> =
        order.iter().map(|&old| slots[old].take().expect("each group is moved once")).collect();
    for g in &mut groups {
        g.parent = g.parent.map(|p| new_id[p]);
        g.components = g.components.iter().map(|&c| new_id[c]).collect();
    }
    for list in &mut involvements {
        for inv in list.iter_mut() {
            inv.group = new_id[inv.group];
        }
    }
    fill_incidents(&mut groups, &involvements, briefings, figures, diags);
    (groups, involvements)
}

/// The group names of briefings left out of the index (drafts, scheduled,
/// rejected) are checked like the rest: a typo is an error, a name no group
/// has a warning (once per name, and not for a name already warned about).
fn check_unindexed(
    unindexed: &[super::Unindexed],
    groups: &[Group],
    by_key: &HashMap<String, GroupId>,
    profile_keys: &[(String, GroupId)],
    warned: &HashSet<GroupId>,
    diags: &mut Diagnostics,
) {
    let mut unknown: HashSet<String> = HashSet::default();
    for u in unindexed {
        for m in &u.groups {
            let key = match_key(&m.name);
            if key.is_empty() {
                continue;
            }
            if let Some(id) = by_key.get(&key) {
                if groups[*id].profile.is_none() && !warned.contains(id) && unknown.insert(key) {
                    diags.push(no_profile(&u.path, &m.name, &groups[*id].slug, groups, m.span));
                }
                continue;
            }
            if let Some(profiled) = near_miss(&key, profile_keys) {
                diags.push(typo(&u.path, &m.name, &groups[profiled], m.span));
            } else if unknown.insert(key) {
                diags.push(no_profile(&u.path, &m.name, &slugify(&m.name), groups, m.span));
            }
        }
    }
}

/// The warning for a group name no profile claims.
fn no_profile(path: &std::path::Path, name: &str, slug: &str, groups: &[Group], span: Option<Span>) -> Diagnostic {
    let names = groups.iter().filter(|g| g.profile.is_some()).map(|g| g.name.as_str());
    let hint = match did_you_mean(name, names) {
        Some(best) => format!("did you mean `{best}`? otherwise add a profile in content/groups/{slug}.md"),
        None => format!("add a profile in content/groups/{slug}.md (name, aliases, kind)"),
    };
    Diagnostic::warning("group-without-profile", path, format!("group `{name}` has no profile")).at_opt(span).hint(hint)
}

fn link_parents(groups: &mut [Group], by_key: &HashMap<String, GroupId>, diags: &mut Diagnostics) {
    let names: Vec<String> = groups.iter().filter(|g| g.profile.is_some()).map(|g| g.name.clone()).collect();
    for id in 0..groups.len() {
        let Some(profile) = &groups[id].profile else {
            continue;
        };
        let Some((parent, span)) = &profile.parent else {
            continue;
        };
        match by_key.get(&match_key(parent)) {
            Some(&p) if groups[p].profile.is_some() && p != id => groups[id].parent = Some(p),
            Some(&p) if p == id => diags.push(
                Diagnostic::error(
                    "parent-cycle",
                    &profile.origin.path,
                    format!("{} names itself as its parent", groups[id].name),
                )
                .at_opt(*span)
                .hint("remove `parent`"),
            ),
            _ => {
                let hint = match did_you_mean(parent, names.iter().map(String::as_str)) {
                    Some(best) => format!("did you mean `{best}`? the parent must have a profile in content/groups/"),
                    None => "the parent must be the name or alias of a group profile in content/groups/".to_string(),
                };
                diags.push(
                    Diagnostic::error(
                        "unknown-parent",
                        &profile.origin.path,
                        format!("parent group `{parent}` has no profile"),
                    )
                    .at_opt(*span)
                    .hint(hint),
                );
            }
        }
    }
    // Cycles: follow parents from each group; a group met twice closes a loop.
    let mut reported: HashSet<GroupId> = HashSet::default();
    for start in 0..groups.len() {
        let mut path = vec![start];
        let mut at = start;
        while let Some(p) = groups[at].parent {
            if let Some(pos) = path.iter().position(|&g| g == p) {
                let cycle = &path[pos..];
                if cycle.iter().all(|g| !reported.contains(g)) {
                    let files: Vec<String> = cycle
                        .iter()
                        .filter_map(|&g| groups[g].profile.as_ref().map(|pr| display_path(&pr.origin.path)))
                        .collect();
                    let names: Vec<&str> = cycle.iter().map(|&g| groups[g].name.as_str()).collect();
                    let first = &groups[cycle[0]];
                    let span = first.profile.as_ref().and_then(|pr| pr.parent.as_ref().and_then(|(_, s)| *s));
                    let path = first.profile.as_ref().map(|pr| pr.origin.path.clone()).unwrap_or_default();
                    diags.push(
                        Diagnostic::error(
                            "parent-cycle",
                            path,
                            format!(
                                "parent groups form a cycle: {} -> {} ({})",
                                names.join(" -> "),
                                names[0],
                                files.join(", ")
                            ),
                        )
                        .at_opt(span.or(Some(Span::new(1, 1))))
                        .hint("a group cannot be, directly or through others, its own parent; remove one `parent`"),
                    );
                    reported.extend(cycle.iter().copied());
                }
                for &g in &path[pos..] {
                    groups[g].parent = None;
                }
                break;
            }
            path.push(p);
            at = p;
        }
    }
    for id in 0..groups.len() {
        if let Some(p) = groups[id].parent {
            groups[p].components.push(id);
        }
    }
}

fn warn_unused_profiles(
    groups: &[Group],
    involvements: &[Vec<Involvement>],
    also_used: &HashSet<GroupId>,
    diags: &mut Diagnostics,
) {
    let mut used: HashSet<GroupId> = involvements.iter().flatten().map(|i| i.group).collect();
    used.extend(also_used);
    let parents: HashSet<GroupId> = groups.iter().filter_map(|g| g.parent).collect();
    for (id, g) in groups.iter().enumerate() {
        if let Some(profile) = &g.profile
            && !used.contains(&id)
            && !parents.contains(&id)
        {
            diags.push(
                Diagnostic::warning("unused-profile", &profile.origin.path, format!("no briefing names {}", g.name))
                    .at_opt(profile.name_span)
                    .hint("the page is still built; check the spelling used in briefings, or add an alias"),
            );
        }
    }
}

/// The position of a perpetrator's claim in `Group::claims`.
pub fn claim_slot(claim: Claim) -> Option<usize> {
    match claim {
        Claim::Claimed => Some(0),
        Claim::Attributed => Some(1),
        Claim::Suspected => Some(2),
        Claim::Denied => Some(3),
        Claim::None => None,
    }
}

fn fill_incidents(
    groups: &mut [Group],
    involvements: &[Vec<Involvement>],
    briefings: &[Arc<Briefing>],
    figures: &[IncidentFigures],
    diags: &mut Diagnostics,
) {
    for (bid, list) in involvements.iter().enumerate() {
        let b = &briefings[bid];
        for inv in list {
            let g = &mut groups[inv.group];
            g.incidents.push(bid);
            if !b.is_incident() {
                g.developments += 1;
                continue;
            }
            match inv.role {
                Role::Perpetrator => {
                    check_sum(g.perpetrator_totals.add_counting(&figures[bid], Who::is_victim), b, diags);
                    if let Some(slot) = claim_slot(inv.claim) {
                        g.claims[slot] += 1;
                    }
                }
                Role::Target | Role::Responder => check_sum(g.against_totals.add(&figures[bid]), b, diags),
                Role::Other => {}
            }
        }
    }
    for g in groups.iter_mut() {
        g.incidents.reverse();
        g.components.sort_by_key(|&c| c);
    }
    // Components' incidents, at any depth, that do not name the parent itself.
    for id in 0..groups.len() {
        let mut descendants = Vec::new();
        let mut stack = groups[id].components.clone();
        while let Some(c) = stack.pop() {
            if !descendants.contains(&c) && c != id {
                descendants.push(c);
                stack.extend(groups[c].components.iter().copied());
            }
        }
        let own: HashSet<BriefingId> = groups[id].incidents.iter().copied().collect();
        let mut extra: BTreeMap<BriefingId, GroupId> = BTreeMap::new();
        for &c in &descendants {
            for &bid in &groups[c].incidents {
                if !own.contains(&bid) {
                    extra.entry(bid).or_insert(c);
                }
            }
        }
        let mut with = groups[id].perpetrator_totals;
        for (&bid, &via) in &extra {
            let b = &briefings[bid];
            let perpetrated =
                involvements[bid].iter().any(|i| i.group == via && i.role == Role::Perpetrator) && b.is_incident();
            if perpetrated {
                check_sum(with.add_counting(&figures[bid], Who::is_victim), b, diags);
            }
        }
        groups[id].with_components_totals = with;
        groups[id].component_incidents = extra.into_iter().rev().collect();
    }
}
