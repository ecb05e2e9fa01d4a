//! Pagination rules, as pure functions: what the next page's request sends,
//! or why the walk must stop. Every list endpoint follows its row's rule; a
//! page that is empty ends the walk, and a cursor that does not advance ends
//! it with an error instead of looping.

use super::table::{Endpoint, Paging};
use super::value::Out;

/// The first request's cursor: page numbers start at the row's first page
/// unless the caller gave one; a cursor starts where the caller said, or
/// from the newest items.
pub fn first(ep: &Endpoint, given: Option<&Out>) -> Option<Out> {
    match (ep.paging, given) {
        (_, Some(v)) => Some(v.clone()),
        (Paging::Page { first }, None) => Some(Out::Int(i64::from(first))),
        _ => None,
    }
}

/// What the walk saw of a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seen {
    pub count: usize,
    /// The last item's cursor field (`updated`, `date`), when a string.
    pub last: Option<String>,
    /// The first item, as JSON text, when it could be written.
    pub first: Option<String>,
}

/// After a page: the next cursor, `Ok(None)` at the end. `previous_first`
/// is the first item of the page before, to catch a server that ignores
/// the page number and answers the same page forever.
pub fn next(
    ep: &Endpoint,
    current: Option<&Out>,
    seen: Seen,
    previous_first: Option<&str>,
) -> Result<Option<Out>, String> {
    if seen.count == 0 {
        return Ok(None);
    }
    match ep.paging {
        Paging::None => Ok(None),
        Paging::Page { first } => {
            let page = match current {
                Some(Out::Int(n)) => *n,
                _ => i64::from(first),
            };
            if seen.first.is_some() && seen.first.as_deref() == previous_first {
                return Err(format!(
                    "{}: page {page} begins with the same item as the page before; stopping instead of fetching the same page again",
                    ep.name
                ));
            }
            Ok(Some(Out::Int(page.saturating_add(1))))
        }
        Paging::Cursor { param, from } => {
            let Some(value) = seen.last.filter(|v| !v.is_empty()) else {
                return Err(format!(
                    "{}: cannot fetch the next page: the last item has no string \"{from}\" to use as \"{param}\"",
                    ep.name
                ));
            };
            if matches!(current, Some(Out::Str(c)) if *c == value) {
                return Err(format!(
                    "{}: the \"{param}\" cursor did not advance ({value}); stopping instead of fetching the same page again",
                    ep.name
                ));
            }
            Ok(Some(Out::Str(value)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::endpoints::by_name;

    fn seen(count: usize, last: Option<&str>) -> Seen {
        Seen { count, last: last.map(str::to_owned), first: None }
    }

    #[test]
    fn cursor_from_the_last_item() {
        let ep = by_name("conversations.list").unwrap();
        assert_eq!(first(ep, None), None);
        let next1 = next(ep, None, seen(30, Some("2024-01-02T00:00:00Z")), None).unwrap();
        assert_eq!(next1, Some(Out::Str("2024-01-02T00:00:00Z".into())));
        let next2 = next(ep, next1.as_ref(), seen(30, Some("2024-01-01T00:00:00Z")), None).unwrap();
        assert_eq!(next2, Some(Out::Str("2024-01-01T00:00:00Z".into())));
        assert_eq!(next(ep, next2.as_ref(), seen(0, None), None), Ok(None), "an empty page ends the walk");
        assert!(next(ep, next2.as_ref(), seen(5, Some("2024-01-01T00:00:00Z")), None)
            .is_err_and(|e| e.contains("did not advance")));
        assert!(
            next(ep, None, seen(5, None), None).is_err_and(|e| e.contains("no string \"updated\" to use as \"date\""))
        );
        let messages = by_name("messages.list").unwrap();
        assert!(next(messages, None, seen(1, None), None)
            .is_err_and(|e| e.contains("no string \"date\" to use as \"created_at\"")));
    }

    #[test]
    fn page_numbers() {
        let v2 = by_name("contactsV2.list").unwrap();
        assert_eq!(first(v2, None), Some(Out::Int(0)));
        assert_eq!(next(v2, Some(&Out::Int(0)), seen(30, None), None), Ok(Some(Out::Int(1))));
        let surveys = by_name("surveys.list").unwrap();
        assert_eq!(first(surveys, None), Some(Out::Int(1)));
        assert_eq!(first(surveys, Some(&Out::Int(4))), Some(Out::Int(4)));
        assert_eq!(next(surveys, Some(&Out::Int(4)), seen(1, None), None), Ok(Some(Out::Int(5))));
        assert_eq!(next(surveys, Some(&Out::Int(4)), seen(0, None), None), Ok(None));
    }

    #[test]
    fn a_page_that_repeats_ends_the_walk() {
        let surveys = by_name("surveys.list").unwrap();
        let page = |first: &str| Seen { count: 1, last: None, first: Some(first.into()) };
        assert_eq!(next(surveys, Some(&Out::Int(1)), page(r#"{"id":1}"#), None), Ok(Some(Out::Int(2))));
        assert_eq!(next(surveys, Some(&Out::Int(2)), page(r#"{"id":2}"#), Some(r#"{"id":1}"#)), Ok(Some(Out::Int(3))));
        assert!(next(surveys, Some(&Out::Int(2)), page(r#"{"id":1}"#), Some(r#"{"id":1}"#))
            .is_err_and(|e| e.contains("page 2 begins with the same item")));
    }
}
