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

/// After a page of `count` items: the next cursor, `Ok(None)` at the end.
/// `last` is the last item's cursor field (`updated`, `date`), when it is a
/// string.
pub fn next(ep: &Endpoint, current: Option<&Out>, count: usize, last: Option<String>) -> Result<Option<Out>, String> {
    if count == 0 {
        return Ok(None);
    }
    match ep.paging {
        Paging::None => Ok(None),
        Paging::Page { first } => {
            let page = match current {
                Some(Out::Int(n)) => *n,
                _ => i64::from(first),
            };
            Ok(Some(Out::Int(page.saturating_add(1))))
        }
        Paging::Cursor { param, from } => {
            let Some(value) = last.filter(|v| !v.is_empty()) else {
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

    #[test]
    fn cursor_from_the_last_item() {
        let ep = by_name("conversations.list").unwrap();
        assert_eq!(first(ep, None), None);
        let next1 = next(ep, None, 30, Some("2024-01-02T00:00:00Z".into())).unwrap();
        assert_eq!(next1, Some(Out::Str("2024-01-02T00:00:00Z".into())));
        let next2 = next(ep, next1.as_ref(), 30, Some("2024-01-01T00:00:00Z".into())).unwrap();
        assert_eq!(next2, Some(Out::Str("2024-01-01T00:00:00Z".into())));
        assert_eq!(next(ep, next2.as_ref(), 0, None), Ok(None), "an empty page ends the walk");
        assert!(next(ep, next2.as_ref(), 5, Some("2024-01-01T00:00:00Z".into()))
            .is_err_and(|e| e.contains("did not advance")));
        assert!(next(ep, None, 5, None).is_err_and(|e| e.contains("no string \"updated\" to use as \"date\"")));
        let messages = by_name("messages.list").unwrap();
        assert!(next(messages, None, 1, None).is_err_and(|e| e.contains("no string \"date\" to use as \"created_at\"")));
    }

    #[test]
    fn page_numbers() {
        let v2 = by_name("contactsV2.list").unwrap();
        assert_eq!(first(v2, None), Some(Out::Int(0)));
        assert_eq!(next(v2, Some(&Out::Int(0)), 30, None), Ok(Some(Out::Int(1))));
        let surveys = by_name("surveys.list").unwrap();
        assert_eq!(first(surveys, None), Some(Out::Int(1)));
        assert_eq!(first(surveys, Some(&Out::Int(4))), Some(Out::Int(4)));
        assert_eq!(next(surveys, Some(&Out::Int(4)), 1, None), Ok(Some(Out::Int(5))));
        assert_eq!(next(surveys, Some(&Out::Int(4)), 0, None), Ok(None));
    }
}
