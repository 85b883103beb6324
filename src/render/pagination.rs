//! Long lists split into pages, so that every page stays light at any size.
//!
//! One rule for every list: [`PER_PAGE`] items a page, newest first, the first
//! page at the list's own address and the others at `page/<n>/` under it. A
//! page that shows several lists (a group's) splits them in step: page `n`
//! shows the `n`th slice of each.

use serde::Serialize;

use super::Urls;
use crate::urls;

/// How many incidents a page lists.
pub const PER_PAGE: usize = 30;

/// How many pages lists of these lengths take (at least one).
pub fn page_count(lengths: &[usize]) -> usize {
    lengths.iter().map(|n| n.div_ceil(PER_PAGE)).max().unwrap_or(0).max(1)
}

/// The items of page `page` (0 for the first).
pub fn slice<T>(items: &[T], page: usize) -> &[T] {
    let start = (page * PER_PAGE).min(items.len());
    &items[start..(start + PER_PAGE).min(items.len())]
}

/// Where page `page` (0 for the first) of the list at `path` lives.
pub fn path(path: &str, page: usize) -> String {
    urls::paged(path, page + 1)
}

/// `pagination`: where a page stands among the pages of its list.
#[derive(Serialize, Debug, PartialEq)]
pub struct Pager {
    /// This page's number, 1 for the first.
    pub number: usize,
    /// How many pages there are.
    pub pages: usize,
    /// The page before and after (URLs), if any.
    pub previous: Option<String>,
    /// The page after, if any.
    pub next: Option<String>,
    /// The pages to link to: the first, the last and those around this one,
    /// with a gap (`number` 0) where pages are left out.
    pub links: Vec<PageLink>,
}

/// A link to one page of a list.
#[derive(Serialize, Debug, PartialEq)]
pub struct PageLink {
    /// Its number (0 for a gap: pages left out).
    pub number: usize,
    /// Its URL (empty for a gap).
    pub url: String,
    /// It is the page being shown.
    pub current: bool,
}

impl Pager {
    /// Page `page` (0 for the first) of `pages` pages of the list at `path`.
    pub fn new(urls: &Urls, path: &str, page: usize, pages: usize) -> Pager {
        let url = |p: usize| urls.to(&self::path(path, p));
        let mut links = Vec::new();
        for p in 0..pages {
            let near = p.abs_diff(page) <= 2 || p == 0 || p + 1 == pages;
            if near {
                links.push(PageLink { number: p + 1, url: url(p), current: p == page });
            } else if links.last().is_some_and(|l| l.number != 0) {
                links.push(PageLink { number: 0, url: String::new(), current: false });
            }
        }
        Pager {
            number: page + 1,
            pages,
            previous: (page > 0).then(|| url(page - 1)),
            next: (page + 1 < pages).then(|| url(page + 1)),
            links,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_into_pages_of_equal_size_and_the_rest() {
        assert_eq!(page_count(&[]), 1);
        assert_eq!(page_count(&[0]), 1);
        assert_eq!(page_count(&[PER_PAGE]), 1);
        assert_eq!(page_count(&[PER_PAGE + 1, 3]), 2);
        let items: Vec<usize> = (0..PER_PAGE * 2 + 5).collect();
        assert_eq!(slice(&items, 0).len(), PER_PAGE);
        assert_eq!(
            slice(&items, 2),
            &[PER_PAGE * 2, PER_PAGE * 2 + 1, PER_PAGE * 2 + 2, PER_PAGE * 2 + 3, PER_PAGE * 2 + 4]
        );
        assert!(slice(&items, 3).is_empty());
        assert_eq!(path("countries/mali/", 0), "countries/mali/");
        assert_eq!(path("countries/mali/", 1), "countries/mali/page/2/");
    }

    #[test]
    fn a_pager_links_both_ends_and_the_pages_around_with_gaps() {
        let config =
            crate::config::parse("title: S\nbase_url: https://example.org/sahel/\n", &mut Default::default()).unwrap();
        let urls = Urls::new(&config);
        let pager = Pager::new(&urls, "chronology/2024/", 5, 12);
        assert_eq!(pager.number, 6);
        assert_eq!(pager.previous.as_deref(), Some("/sahel/chronology/2024/page/5/"));
        assert_eq!(pager.next.as_deref(), Some("/sahel/chronology/2024/page/7/"));
        let numbers: Vec<usize> = pager.links.iter().map(|l| l.number).collect();
        assert_eq!(numbers, [1, 0, 4, 5, 6, 7, 8, 0, 12]);
        assert!(pager.links.iter().any(|l| l.current && l.number == 6));
        assert_eq!(pager.links[0].url, "/sahel/chronology/2024/");
        let first = Pager::new(&urls, "chronology/2024/", 0, 1);
        assert_eq!((first.previous, first.next), (None, None));
    }
}
