//! Request paths from templates like `/v1/contact/{id}`: each parameter is
//! checked by its kind and percent-encoded, so no input can change the path
//! (no `/`, `?`, `#`, `..` or `%` gets through unencoded).

use core::fmt::Write as _;

use crate::core::config::resource_id;
use crate::core::error::Error;

/// What a path parameter accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    /// A positive safe integer (v1 ids).
    Id,
    /// A UUID, any case, hyphenated (v2 contact ids).
    Uuid,
    /// One of these words (channel types: `phone`, `email`…).
    Enum(&'static [&'static str]),
}

/// A path argument as JS gave it.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    Number(f64),
    Text(&'a str),
}

/// Fill `template`'s `{name}` placeholders, in order, with `args` checked by
/// `params`. `what` names the method in errors (`contacts.get`).
pub fn build(template: &str, params: &[Param], args: &[Arg<'_>], what: &str) -> Result<String, Error> {
    let mut out = String::with_capacity(template.len() + 40);
    let mut rest = template;
    let mut i = 0;
    while let Some(open) = rest.find('{') {
        let (Some(prefix), Some(after)) = (rest.get(..open), rest.get(open + 1..)) else { break };
        let Some((name, tail)) = after.split_once('}') else {
            return Err(Error::invalid(format!("{what}: bad path template {template}")));
        };
        out.push_str(prefix);
        let (Some(param), Some(arg)) = (params.get(i), args.get(i)) else {
            return Err(Error::invalid(format!("{what}: {name} is required")));
        };
        push_segment(&mut out, *param, arg, what, name)?;
        rest = tail;
        i += 1;
    }
    out.push_str(rest);
    if args.len() > i {
        return Err(Error::invalid(format!("{what} takes {i} path argument{}", if i == 1 { "" } else { "s" })));
    }
    Ok(out)
}

fn push_segment(out: &mut String, param: Param, arg: &Arg<'_>, what: &str, name: &str) -> Result<(), Error> {
    match (param, arg) {
        (Param::Id, Arg::Number(n)) => {
            let id = resource_id(*n, name).map_err(|e| Error::invalid(format!("{what}: {}", e.message)))?;
            let _ = write!(out, "{id}");
            Ok(())
        }
        (Param::Uuid, Arg::Text(s)) if is_uuid(s) => {
            out.push_str(s);
            Ok(())
        }
        (Param::Enum(words), Arg::Text(s)) if words.contains(s) => {
            percent_encode(out, s);
            Ok(())
        }
        (Param::Id, _) => Err(Error::invalid(format!("{what}: {name} must be a positive safe integer"))),
        (Param::Uuid, _) => {
            Err(Error::invalid(format!("{what}: {name} must be a UUID like 123e4567-e89b-12d3-a456-426614174000")))
        }
        (Param::Enum(words), _) => Err(Error::invalid(format!("{what}: {name} must be one of {}", words.join(", ")))),
    }
}

/// `8-4-4-4-12` hex digits.
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter()
            .enumerate()
            .all(|(i, c)| if matches!(i, 8 | 13 | 18 | 23) { *c == b'-' } else { c.is_ascii_hexdigit() })
}

/// Append `s` with everything but RFC 3986's unreserved characters encoded.
pub fn percent_encode(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0')));
            out.push(char::from(HEX.get(usize::from(b & 15)).copied().unwrap_or(b'0')));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UUID: &str = "123e4567-e89b-12d3-a456-426614174000";

    #[test]
    fn fills_templates() {
        assert_eq!(
            build("/v1/contact/{id}", &[Param::Id], &[Arg::Number(42.0)], "contacts.get").as_deref(),
            Ok("/v1/contact/42")
        );
        assert_eq!(
            build(
                "/v2/contact/{contactID}/channel/{channelType}",
                &[Param::Uuid, Param::Enum(&["phone", "email"])],
                &[Arg::Text(UUID), Arg::Text("phone")],
                "contactsV2.channels.get"
            )
            .as_deref(),
            Ok("/v2/contact/123e4567-e89b-12d3-a456-426614174000/channel/phone")
        );
        assert_eq!(build("/v1/inboxes", &[], &[], "inboxes.list").as_deref(), Ok("/v1/inboxes"));
    }

    #[test]
    fn no_input_changes_the_path() {
        for bad in ["../../v1/team", "a/b", "phone?x=1", "phone#", "%2e%2e", "PHONE", "", "ph one"] {
            let r = build(
                "/v2/contact/{contactID}/channel/{channelType}",
                &[Param::Uuid, Param::Enum(&["phone", "email"])],
                &[Arg::Text(UUID), Arg::Text(bad)],
                "m",
            );
            assert!(r.is_err(), "{bad:?}");
        }
        for bad in [Arg::Text("42"), Arg::Number(-1.0), Arg::Number(1.5), Arg::Number(f64::NAN)] {
            let r = build("/v1/contact/{id}", &[Param::Id], std::slice::from_ref(&bad), "contacts.get");
            assert!(r.as_ref().is_err_and(|e| e.message.starts_with("contacts.get: id")), "{bad:?}: {r:?}");
        }
        assert!(build(
            "/v2/contact/{contactID}",
            &[Param::Uuid],
            &[Arg::Text("123e4567-e89b-12d3-a456-42661417400g")],
            "m"
        )
        .is_err());
    }

    #[test]
    fn argument_count_is_checked() {
        assert!(build("/v1/contact/{id}", &[Param::Id], &[], "contacts.get")
            .is_err_and(|e| e.message.contains("id is required")));
        assert!(build("/v1/inboxes", &[], &[Arg::Number(1.0)], "inboxes.list")
            .is_err_and(|e| e.message.contains("takes 0 path arguments")));
    }

    #[test]
    fn percent_encoding() {
        let mut s = String::new();
        percent_encode(&mut s, "a b/c?d%é~");
        assert_eq!(s, "a%20b%2Fc%3Fd%25%C3%A9~");
    }
}
