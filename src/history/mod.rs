//! Honest dates from the site's git history: when each content file was
//! first committed (its publication, unless the writer gives one) and last
//! committed (its update).
//!
//! One walk over every commit reachable from `HEAD`, read with `gix` (pure
//! Rust, no `git` process): each commit's `content/` tree is compared with its
//! first parent's, descending only into folders whose ids differ, so a commit
//! that touches one briefing costs a few object reads however large the site.
//! A file moved without change (same blob) keeps the history of its old path.
//!
//! `build` records what each commit changed in a file beside the output
//! folder (`cache`), so a later build diffs only the commits it has not seen.
//!
//! Outside a git repository, for a file never committed, and for a file that
//! only appears in the boundary commit of a shallow clone (whose history is
//! cut off), nothing is known and nothing is invented.

mod cache;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use gix::ObjectId;
use jiff::civil::Date;
use rayon::prelude::*;

/// The first and last commit dates of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FileDates {
    /// The day it was first committed; `None` when the history does not show it.
    pub first: Option<Date>,
    /// The day it was last committed.
    pub last: Option<Date>,
}

/// Commit dates of the files under `content/`, by content path (`briefings/bamako.md`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    files: HashMap<String, FileDates>,
    /// The commit the history was read at (to tell when it must be read again).
    head: Option<ObjectId>,
    /// The repository is a shallow clone: first dates of the oldest files are unknown.
    pub shallow: bool,
    /// Why some dates could not be read (a shallow clone, a damaged
    /// repository), for a warning naming the briefings that lose them.
    pub problem: Option<String>,
}

/// What tells two histories apart: the commit one was read at (a history is
/// read whole, at one commit), or, for one made from known dates, the dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryMark {
    /// Read from the repository at this commit (and whether the clone is shallow).
    At(ObjectId, bool),
    /// Made from known dates, or no repository.
    Dates(History),
}

impl History {
    /// The dates of the file at `content_path`.
    pub fn dates(&self, content_path: &str) -> FileDates {
        self.files.get(content_path).copied().unwrap_or_default()
    }

    /// True when no date is known for any file (no repository, or nothing committed).
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// True when the site is in a git repository: its files' modification
    /// times then tell only when they were checked out, never a publication.
    pub fn in_repository(&self) -> bool {
        self.head.is_some() || self.problem.is_some()
    }

    /// What tells this history from another without comparing every file.
    pub fn mark(&self) -> HistoryMark {
        match self.head {
            Some(head) => HistoryMark::At(head, self.shallow),
            None => HistoryMark::Dates(self.clone()),
        }
    }

    /// Builds a history from known dates (for tests and tools).
    pub fn from_dates(files: impl IntoIterator<Item = (String, FileDates)>) -> History {
        History { files: files.into_iter().collect(), head: None, shallow: false, problem: None }
    }
}

/// The commit `HEAD` points to in the repository holding `root`, if any.
pub fn head(root: &Path) -> Option<ObjectId> {
    let repo = gix::discover(root).ok()?;
    repo.head_id().ok().map(|id| id.detach())
}

/// Reads the history of `<root>/content` (empty outside a repository).
/// `record`: a file where what each commit changed is kept from one build to
/// the next (see `cache`), or `None` to work everything out afresh.
pub fn read(root: &Path, record: Option<&Path>) -> History {
    let Ok(repo) = gix::discover(root) else { return History::default() };
    // A repository with nothing committed yet has no dates, and no problem.
    if repo.head_id().is_err() {
        return History::default();
    }
    read_repo(repo, root, record)
        .unwrap_or_else(|| History { problem: Some("the git repository cannot be read".into()), ..History::default() })
}

/// Reads it again only when `HEAD` moved since `last` was read.
pub fn refresh(root: &Path, last: &History) -> Option<History> {
    let now = head(root);
    (now != last.head).then(|| read(root, None))
}

/// A commit that changed `content/`: its day, its `content/` tree and its
/// first parent's.
struct Step {
    day: Date,
    tree: Option<ObjectId>,
    parent_tree: Option<ObjectId>,
    cut_off: bool,
}

fn read_repo(mut repo: gix::Repository, root: &Path, record: Option<&Path>) -> Option<History> {
    repo.object_cache_size_if_unset(32 * 1024 * 1024);
    let workdir = repo.workdir()?.canonicalize().ok()?;
    let site = root.canonicalize().ok()?;
    let prefix: PathBuf = site.strip_prefix(&workdir).ok()?.join(crate::source::CONTENT_DIR);
    let head = repo.head_id().ok()?.detach();
    let boundary: HashSet<ObjectId> =
        repo.shallow_commits().ok().flatten().map(|c| c.iter().copied().collect()).unwrap_or_default();
    // The commits, newest first, with the trees to compare (cheap: small objects).
    let mut steps = Vec::new();
    let mut unreadable = 0usize;
    for info in repo.rev_walk([head]).all().ok()? {
        let Ok(info) = info else {
            unreadable += 1;
            continue;
        };
        let Ok(commit) = repo.find_commit(info.id) else {
            unreadable += 1;
            continue;
        };
        let Some(day) = commit.time().ok().and_then(civil_day) else { continue };
        let tree = content_tree(&repo, commit.tree_id().ok().map(|id| id.detach()), &prefix);
        let parent = commit.parent_ids().next().map(|p| p.detach());
        let parent_tree = parent.and_then(|p| {
            let c = repo.find_commit(p).ok()?;
            content_tree(&repo, c.tree_id().ok().map(|id| id.detach()), &prefix)
        });
        if tree != parent_tree {
            steps.push(Step { day, tree, parent_tree, cut_off: boundary.contains(&info.id) });
        }
    }
    // What each commit changed: recorded by an earlier build, or worked out
    // now, the costly part (large folders), in parallel, a run of
    // consecutive commits per task so each tree is read once.
    let cache = record.map(cache::Cache::load).unwrap_or_default();
    let todo: Vec<&Step> = steps.iter().filter(|s| cache.get(&(s.tree, s.parent_tree)).is_none()).collect();
    let shared = repo.into_sync();
    let per_task = todo.len().div_ceil(rayon::current_num_threads() * 2).max(1);
    let worked_out: Vec<Vec<Change>> = todo
        .par_chunks(per_task)
        .flat_map_iter(|run| {
            let repo = shared.to_thread_local();
            let mut trees = Trees::default();
            let mut out = Vec::with_capacity(run.len());
            for step in run {
                let mut changes = Vec::new();
                diff(&repo, &mut trees, step.tree, step.parent_tree, "", &mut changes);
                trees.next_commit();
                out.push(changes);
            }
            out
        })
        .collect();
    let new: HashMap<cache::Pair, Vec<Change>> = todo.iter().map(|s| (s.tree, s.parent_tree)).zip(worked_out).collect();
    let changes_of = |s: &Step| {
        let pair = (s.tree, s.parent_tree);
        new.get(&pair).or_else(|| cache.get(&pair)).expect("every step is worked out or recorded")
    };
    if !new.is_empty() {
        cache.save(steps.iter().map(|s| ((s.tree, s.parent_tree), changes_of(s))));
    }
    let mut walk = Walk::default();
    for step in &steps {
        walk.commit(step.day, changes_of(step), step.cut_off);
    }
    let shallow = !boundary.is_empty();
    let problem = if unreadable > 0 {
        Some(format!("{unreadable} commits of the git repository cannot be read"))
    } else if shallow {
        Some("the git repository is a shallow clone (checked out with a limited depth)".into())
    } else {
        None
    };
    Some(History { files: walk.finish(), head: Some(head), shallow, problem })
}

/// The day of a commit time, in the committer's own time zone.
fn civil_day(t: gix::date::Time) -> Option<Date> {
    let ts = jiff::Timestamp::from_second(t.seconds).ok()?;
    let offset = jiff::tz::Offset::from_seconds(t.offset).ok()?;
    Some(ts.to_zoned(offset.to_time_zone()).date())
}

/// The id of the tree at `prefix` inside tree `root`.
fn content_tree(repo: &gix::Repository, root: Option<ObjectId>, prefix: &Path) -> Option<ObjectId> {
    let tree = repo.find_tree(root?).ok()?;
    let entry = tree.lookup_entry_by_path(prefix).ok()??;
    entry.mode().is_tree().then(|| entry.object_id())
}

/// A file that changed in a commit.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Change {
    /// Added with this blob.
    Added(String, ObjectId),
    /// Removed; it had this blob.
    Removed(String, ObjectId),
    /// Changed.
    Modified(String),
}

/// Tree objects read during the walk, by id: a commit's tree is its child's
/// parent tree, so each is read (and inflated) once, not twice.
#[derive(Default)]
struct Trees {
    kept: HashMap<ObjectId, std::rc::Rc<Vec<u8>>>,
    used: HashSet<ObjectId>,
}

impl Trees {
    /// The raw data of tree `id` (empty when it cannot be read).
    fn get(&mut self, repo: &gix::Repository, id: ObjectId) -> std::rc::Rc<Vec<u8>> {
        self.used.insert(id);
        if let Some(data) = self.kept.get(&id) {
            return std::rc::Rc::clone(data);
        }
        let data = std::rc::Rc::new(repo.find_tree(id).map(|mut t| t.take_data()).unwrap_or_default());
        self.kept.insert(id, std::rc::Rc::clone(&data));
        data
    }

    /// Forgets the trees the last commit did not use.
    fn next_commit(&mut self) {
        let used = std::mem::take(&mut self.used);
        self.kept.retain(|id, _| used.contains(id));
    }
}

/// The files that differ between trees `new` and `old`, under `dir`: the
/// entries of both (sorted the way git sorts them) are walked side by side,
/// and only folders whose ids differ are opened.
fn diff(
    repo: &gix::Repository,
    trees: &mut Trees,
    new: Option<ObjectId>,
    old: Option<ObjectId>,
    dir: &str,
    out: &mut Vec<Change>,
) {
    if new == old {
        return;
    }
    let kind = repo.object_hash();
    let (new_data, old_data) = (new.map(|id| trees.get(repo, id)), old.map(|id| trees.get(repo, id)));
    let path = |name: &[u8]| {
        let name = String::from_utf8_lossy(name);
        if dir.is_empty() { name.into_owned() } else { format!("{dir}/{name}") }
    };
    let new_iter = new_data.as_deref().map(|d| gix::objs::TreeRefIter::from_bytes(d, kind));
    let old_iter = old_data.as_deref().map(|d| gix::objs::TreeRefIter::from_bytes(d, kind));
    let mut a = new_iter.into_iter().flatten().filter_map(Result::ok).peekable();
    let mut b = old_iter.into_iter().flatten().filter_map(Result::ok).peekable();
    loop {
        let order = match (a.peek(), b.peek()) {
            (None, None) => break,
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some(x), Some(y)) => x.cmp(y),
        };
        match order {
            std::cmp::Ordering::Equal => {
                let (x, y) = (a.next().expect("peeked"), b.next().expect("peeked"));
                if x.oid == y.oid {
                    continue;
                }
                match (x.mode.is_tree(), y.mode.is_tree()) {
                    (true, true) => {
                        diff(repo, trees, Some(x.oid.to_owned()), Some(y.oid.to_owned()), &path(x.filename), out)
                    }
                    (false, false) => out.push(Change::Modified(path(x.filename))),
                    _ => {
                        // A file became a folder or the other way round: one gone, one new.
                        one_side(repo, trees, &x, Side::New, &path(x.filename), out);
                        one_side(repo, trees, &y, Side::Old, &path(y.filename), out);
                    }
                }
            }
            std::cmp::Ordering::Less => {
                let x = a.next().expect("peeked");
                one_side(repo, trees, &x, Side::New, &path(x.filename), out);
            }
            std::cmp::Ordering::Greater => {
                let y = b.next().expect("peeked");
                one_side(repo, trees, &y, Side::Old, &path(y.filename), out);
            }
        }
    }
}

/// Which side of a diff an entry is on.
#[derive(Clone, Copy)]
enum Side {
    /// Only in the newer tree.
    New,
    /// Only in the older tree.
    Old,
}

/// Entry `e`, found on one `side` only: a file added or removed, or every
/// file of a folder added or removed.
fn one_side(
    repo: &gix::Repository,
    trees: &mut Trees,
    e: &gix::objs::tree::EntryRef<'_>,
    side: Side,
    path: &str,
    out: &mut Vec<Change>,
) {
    let id = e.oid.to_owned();
    match (e.mode.is_tree(), side) {
        (true, Side::New) => diff(repo, trees, Some(id), None, path, out),
        (true, Side::Old) => diff(repo, trees, None, Some(id), path, out),
        (false, Side::New) => out.push(Change::Added(path.to_string(), id)),
        (false, Side::Old) => out.push(Change::Removed(path.to_string(), id)),
    }
}

/// The state of a walk from the newest commit to the oldest.
#[derive(Default)]
struct Walk {
    dates: HashMap<String, FileDates>,
    /// Older paths of files that were moved: old path -> path at `HEAD`.
    follow: HashMap<String, String>,
    /// Paths whose older changes belong to another file (one removed or added here).
    ended: HashSet<String>,
    /// Files first seen in the boundary of a shallow clone: their first day is unknown.
    unknown_first: HashSet<String>,
}

impl Walk {
    /// Takes one commit's changes, made on `day`; `cut_off` when its parents are missing.
    fn commit(&mut self, day: Date, changes: &[Change], cut_off: bool) {
        let removed: HashMap<ObjectId, &str> = changes
            .iter()
            .filter_map(|c| match c {
                Change::Removed(p, id) => Some((*id, p.as_str())),
                _ => None,
            })
            .collect();
        let mut moved_from = HashSet::new();
        for change in changes {
            let (path, added) = match change {
                Change::Added(p, _) => (p, true),
                Change::Modified(p) => (p, false),
                Change::Removed(..) => continue,
            };
            if self.ended.contains(path) {
                continue;
            }
            let current = self.follow.get(path).cloned().unwrap_or_else(|| path.clone());
            if cut_off {
                // The parents are cut off: this is not when the file changed.
                if added {
                    self.unknown_first.insert(current.clone());
                }
                self.ended.insert(path.clone());
                continue;
            }
            let entry = self.dates.entry(current.clone()).or_default();
            entry.last = Some(entry.last.map_or(day, |d| d.max(day)));
            entry.first = Some(entry.first.map_or(day, |d| d.min(day)));
            if added {
                self.ended.insert(path.clone());
                if let Change::Added(_, id) = change
                    && let Some(old) = removed.get(id)
                {
                    self.follow.insert(old.to_string(), current);
                    moved_from.insert(old.to_string());
                }
            }
        }
        for change in changes {
            if let Change::Removed(p, _) = change
                && !moved_from.contains(p)
            {
                self.ended.insert(p.clone());
            }
        }
    }

    fn finish(mut self) -> HashMap<String, FileDates> {
        for path in &self.unknown_first {
            self.dates.entry(path.clone()).or_default().first = None;
        }
        self.dates
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn id(n: u8) -> ObjectId {
        ObjectId::from_bytes_or_panic(&[n; 20])
    }

    #[test]
    fn first_and_last_commit_of_each_file() {
        let mut w = Walk::default();
        // Newest first.
        w.commit(day("2024-10-02"), &[Change::Modified("a.md".into())], false);
        w.commit(day("2024-09-20"), &[Change::Added("b.md".into(), id(2))], false);
        w.commit(day("2024-09-18"), &[Change::Added("a.md".into(), id(1))], false);
        let dates = w.finish();
        assert_eq!(dates["a.md"], FileDates { first: Some(day("2024-09-18")), last: Some(day("2024-10-02")) });
        assert_eq!(dates["b.md"], FileDates { first: Some(day("2024-09-20")), last: Some(day("2024-09-20")) });
    }

    #[test]
    fn a_moved_file_keeps_its_history_and_a_replaced_one_does_not() {
        let mut w = Walk::default();
        w.commit(
            day("2024-11-01"),
            &[Change::Added("2024/a.md".into(), id(1)), Change::Removed("a.md".into(), id(1))],
            false,
        );
        w.commit(day("2024-09-18"), &[Change::Added("a.md".into(), id(1))], false);
        // c.md was removed, then a new c.md written: the old one's dates are not the new one's.
        let mut v = Walk::default();
        v.commit(day("2024-12-01"), &[Change::Added("c.md".into(), id(3))], false);
        v.commit(day("2024-11-01"), &[Change::Removed("c.md".into(), id(4))], false);
        v.commit(day("2024-01-01"), &[Change::Added("c.md".into(), id(4))], false);
        assert_eq!(w.finish()["2024/a.md"].first, Some(day("2024-09-18")));
        assert_eq!(v.finish()["c.md"].first, Some(day("2024-12-01")));
    }

    #[test]
    fn the_boundary_of_a_shallow_clone_gives_no_first_date() {
        let mut w = Walk::default();
        w.commit(day("2024-12-01"), &[Change::Modified("a.md".into())], false);
        w.commit(day("2024-11-01"), &[Change::Added("a.md".into(), id(1)), Change::Added("b.md".into(), id(2))], true);
        let dates = w.finish();
        assert_eq!(dates["a.md"], FileDates { first: None, last: Some(day("2024-12-01")) });
        assert_eq!(dates.get("b.md").copied().unwrap_or_default(), FileDates::default());
    }
}
