//! Conversations: `GET /v1/conversations/{id}`.

use crate::core::config::resource_id;
use crate::core::error::Error;
use crate::core::request::{Request, Shape};

/// `GET /v1/conversations/{id}`: one conversation's metadata.
pub fn get(id: f64) -> Result<Request, Error> {
    let id = resource_id(id, "conversation id")?;
    Ok(Request::get(format!("/v1/conversations/{id}"), Shape::Object))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::request::Method;

    #[test]
    fn builds_get() {
        let r = get(123.0);
        assert_eq!(r.as_ref().map(|r| r.path.as_str()), Ok("/v1/conversations/123"));
        assert_eq!(r.as_ref().map(|r| (r.method, r.idempotent, r.shape)), Ok((Method::Get, true, Shape::Object)));
        assert_eq!(get(9_007_199_254_740_991.0).map(|r| r.path), Ok("/v1/conversations/9007199254740991".into()));
    }

    #[test]
    fn rejects_bad_ids() {
        for bad in [0.0, -1.0, 1.5, f64::NAN, f64::INFINITY, 9_007_199_254_740_992.0] {
            assert!(get(bad).is_err(), "{bad}");
        }
    }
}
