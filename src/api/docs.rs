//! The README's endpoint table, generated from the endpoint table: the
//! native tests fail when the README's copy differs (`UPDATE_README=1 cargo
//! test` rewrites it), so the docs cannot drift from the code.

use super::endpoints::ENDPOINTS;
use super::table::{Endpoint, Paging, Retry, Stability};

const START: &str = "<!-- endpoints:start (generated from src/api/rows by `UPDATE_README=1 cargo test`) -->";
const END: &str = "<!-- endpoints:end -->";

/// `messages.send(params)`, `contacts.update(id, params)`, `team.get()`.
fn signature(ep: &Endpoint) -> String {
    let mut args: Vec<String> = Vec::new();
    let mut rest = ep.path;
    while let Some((_, after)) = rest.split_once('{') {
        let Some((name, tail)) = after.split_once('}') else { break };
        args.push(name.to_owned());
        rest = tail;
    }
    if let Some(items) = ep.items {
        args.push(items.name.to_owned());
    }
    if ep.takes_params() {
        args.push(if ep.params_optional() { "params?".into() } else { "params".into() });
    }
    format!("hm.{}({})", ep.name, args.join(", "))
}

fn row(ep: &Endpoint) -> String {
    let pages = match ep.paging {
        Paging::None => "–".to_owned(),
        Paging::Cursor { param, from } => format!("`{param}` ← last item's `{from}`"),
        Paging::Page { first } => format!("`page` from {first}"),
    };
    let retry = match ep.retry {
        Retry::Idempotent => "yes",
        Retry::LocalId => "yes, de-duplicated by `local_id`",
        Retry::Unsafe => "on 429 or a refused connection only",
    };
    let note = match ep.stability {
        Stability::Stable => "",
        Stability::Experimental => " *experimental*",
        Stability::Deprecated => " *deprecated*",
        Stability::DeprecatedExperimental => " *deprecated, experimental*",
    };
    let shape = match (ep.paging, ep.shape) {
        (Paging::None, crate::api::table::Shape::Any) => "any JSON",
        (Paging::None, shape) => shape.describe(),
        _ => "a paginator of items",
    };
    format!("| `{}`{note} | `{} {}` | {shape} | {pages} | {retry} |", signature(ep), ep.method.as_str(), ep.path)
}

/// The generated table.
pub fn table() -> String {
    let mut out = String::from("| method | endpoint | answers | pages | retried |\n|---|---|---|---|---|\n");
    for ep in ENDPOINTS {
        out.push_str(&row(ep));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readme_lists_every_endpoint_as_the_table_says() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        let (Some(start), Some(end)) = (readme.find(START), readme.find(END)) else {
            panic!("README.md has no endpoint table markers:\n{START}\n{END}");
        };
        let current = &readme[start + START.len()..end];
        let want = format!("\n{}", table());
        if current != want {
            if std::env::var_os("UPDATE_README").is_some() {
                let updated = format!("{}{START}{want}{}", &readme[..start], &readme[end..]);
                std::fs::write(path, updated).unwrap();
            } else {
                panic!("README.md's endpoint table is stale: run UPDATE_README=1 cargo test");
            }
        }
        assert_eq!(table().lines().count(), 2 + ENDPOINTS.len());
    }

    #[test]
    fn signatures() {
        let by = |n| crate::api::endpoints::by_name(n).unwrap();
        assert_eq!(signature(by("messages.send")), "hm.messages.send(params)");
        assert_eq!(signature(by("contacts.update")), "hm.contacts.update(id, params)");
        assert_eq!(signature(by("contacts.batchCreate")), "hm.contacts.batchCreate(contacts, params?)");
        assert_eq!(signature(by("contactsV2.channels.get")), "hm.contactsV2.channels.get(contactID, channelType)");
        assert_eq!(signature(by("messages.list")), "hm.messages.list(params?)");
        assert_eq!(signature(by("team.get")), "hm.team.get()");
    }
}
