//! The pages of tags, tactics, targets and regions, and their indexes.

use serde::Serialize;

use crate::index::{TermId, TermKind};
use crate::urls;

use super::Prepared;
use super::fingerprint::{Hashed, PageContext};
use super::pagination::{Pager, page_count, slice};
use super::shared::TermPart;
use super::views::{Link, TotalsView};
use super::words::Value;

/// `term`: what a term's page says about it.
#[derive(Serialize)]
struct TermView {
    name: String,
    /// `tag`, `tactic`, `target`, `region`.
    kind: &'static str,
    /// `Tag`, in the reader's words.
    kind_label: String,
    /// The index of its kind (none for regions: their country's page lists them).
    index: Option<Link>,
    /// A region's country.
    country: Option<Link>,
    totals: TotalsView,
}

/// `terms`: one line of an index of terms.
#[derive(Serialize)]
pub struct TermLink {
    /// As written.
    pub name: String,
    /// Its page.
    pub url: String,
    /// Its incidents of violence.
    pub incidents: usize,
    /// Its briefings, developments included.
    pub briefings: usize,
}

/// Term `t`'s name with what it is: `Tag: capital`, `Mopti, Mali`.
pub fn full_name(site: &Prepared<'_>, t: TermId) -> String {
    let term = &site.index.terms[t];
    match term.country {
        Some(c) if term.kind == TermKind::Region => site.words.phrase(
            "region-title",
            &[("name", Value::Text(&term.name)), ("country", Value::Text(&site.index.countries[c].name))],
        ),
        _ => site.words.phrase(
            "term-title",
            &[("kind", Value::Text(&kind_label(site, term.kind))), ("name", Value::Text(&term.name))],
        ),
    }
}

fn kind_label(site: &Prepared<'_>, kind: TermKind) -> String {
    site.words.phrase(&format!("term-kind-{}", kind.as_str()), &[])
}

/// A link to term `t`'s page, with its counts.
pub fn link(site: &Prepared<'_>, t: TermId) -> TermLink {
    let term = &site.index.terms[t];
    TermLink {
        name: term.name.clone(),
        url: site.urls.to(&site.index.term_path(t)),
        incidents: term.totals.incidents,
        briefings: term.incidents.len(),
    }
}

/// The index page of `kind`: every term, most briefings first, then by name.
/// Returns its title and description.
pub(super) fn index_page(site: &Prepared<'_>, kind: TermKind, ctx: &mut PageContext<'_>) -> (String, String) {
    let mut ids: Vec<TermId> = (0..site.index.terms.len()).filter(|&t| site.index.terms[t].kind == kind).collect();
    ids.sort_by(|&a, &b| {
        let (ta, tb) = (&site.index.terms[a], &site.index.terms[b]);
        tb.incidents.len().cmp(&ta.incidents.len()).then_with(|| ta.name.to_lowercase().cmp(&tb.name.to_lowercase()))
    });
    let links: Vec<TermLink> = ids.iter().map(|&t| link(site, t)).collect();
    ctx.insert("terms", links);
    ctx.insert("kind", kind.as_str());
    let key = kind.as_str();
    (site.words.phrase(&format!("terms-title-{key}"), &[]), site.words.phrase(&format!("terms-description-{key}"), &[]))
}

/// What every page of term `t` shares, made once per build.
fn term_part<'a>(site: &'a Prepared<'a>, t: TermId) -> &'a TermPart {
    site.shared.terms[t].get_or_init(|| {
        let index = site.index;
        let term = &index.terms[t];
        let name = full_name(site, t);
        let country = term.country.filter(|_| term.kind == TermKind::Region).map(|c| Link {
            name: index.countries[c].name.clone(),
            url: site.urls.to(&urls::country(&index.countries[c].slug)),
        });
        let view = TermView {
            name: term.name.clone(),
            kind: term.kind.as_str(),
            kind_label: kind_label(site, term.kind),
            index: (term.kind != TermKind::Region).then(|| Link {
                name: site.words.phrase(&format!("terms-title-{}", term.kind.as_str()), &[]),
                url: site.urls.to(&urls::terms(term.kind.as_str())),
            }),
            country,
            totals: TotalsView::new(site.words, &term.totals, term.developments),
        };
        let description = site.words.phrase(
            "term-description",
            &[("incidents", Value::Number(term.totals.incidents as u64)), ("name", Value::Text(&name))],
        );
        TermPart { view: site.values.memo(&view), name, description, path: index.term_path(t) }
    })
}

/// Page `page` (from 0) of term `t`; returns its title, description and place among its pages.
pub(super) fn term_page<'a>(
    site: &'a Prepared<'a>,
    t: TermId,
    page: usize,
    ctx: &mut PageContext<'a>,
) -> (String, String, Pager) {
    let term = &site.index.terms[t];
    let part = term_part(site, t);
    ctx.insert("term", part.view.hashed());
    let rows: Vec<Hashed<'a, tera::Value>> = slice(&term.incidents, page).iter().map(|&b| site.row(b)).collect();
    ctx.insert("incidents", rows);
    if page == 0 {
        let focus = term.country.map(|c| vec![site.index.countries[c].code.to_string()]).unwrap_or_default();
        super::pages::insert_overview(site, ctx, term.incidents.clone(), &part.name, focus, false);
    }
    let pager = Pager::new(&site.urls, &part.path, page, page_count(&[term.incidents.len()]));
    (part.name.clone(), part.description.clone(), pager)
}
