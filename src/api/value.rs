//! Validated values and their JSON text.
//!
//! Integers are checked to be safe integers and written as digits; free-form
//! JSON fields arrive as JSON text already (the host's `JSON.stringify`), so
//! the module needs neither a JSON value tree nor Rust's `f64` formatting
//! (about 9 KB of the `.wasm`). Written as bytes; every piece is UTF-8.

/// A validated param value, ready to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Out {
    Int(i64),
    Str(String),
    Bool(bool),
    /// JSON text, written as is.
    Json(String),
    List(Vec<Out>),
}

impl Out {
    /// Append the JSON text of `self` to `out`.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Out::Int(i) => push_int(out, *i),
            Out::Str(s) => push_string(out, s),
            Out::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
            Out::Json(text) => out.extend_from_slice(text.as_bytes()),
            Out::List(items) => {
                out.push(b'[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    v.write_json(out);
                }
                out.push(b']');
            }
        }
    }
}

/// Decimal digits of `v` without `core::fmt`.
pub fn push_int(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    let mut n = v.unsigned_abs();
    let start = out.len();
    loop {
        out.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if let Some(digits) = out.get_mut(start..) {
        digits.reverse();
    }
}

/// A JSON string literal, escaped as the JWT's payload is.
pub fn push_string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    heymarket_jwt::push_json_escaped(out, s);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(v: &Out) -> String {
        let mut out = Vec::new();
        v.write_json(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_json_that_parses_back() {
        let v = Out::List(vec![
            Out::Int(-9_007_199_254_740_991),
            Out::Str("line\nbreak\u{1}é\\\"".into()),
            Out::Bool(true),
            Out::Json(r#"{"a":[1.5,null]}"#.into()),
            Out::List(vec![]),
        ]);
        let text = json(&v);
        assert_eq!(text, r#"[-9007199254740991,"line\nbreak\u0001é\\\"",true,{"a":[1.5,null]},[]]"#);
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back[1], "line\nbreak\u{1}é\\\"");
    }

    #[test]
    fn integers() {
        for v in [0, 7, -7, 10, i64::MAX, i64::MIN] {
            let mut s = Vec::new();
            push_int(&mut s, v);
            assert_eq!(String::from_utf8(s).unwrap(), v.to_string());
        }
    }
}
