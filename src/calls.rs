//! One generic call for every endpoint: the JS arguments of a method, read
//! against its table row into a prepared request; then sent (one value) or
//! walked page by page (a list). Nothing here is per endpoint.

use js_sys::Array;
use wasm_bindgen::JsValue;

use crate::api::build;
use crate::api::endpoints::ENDPOINTS;
use crate::api::params::{self, Settings, Validated};
use crate::api::path::Arg;
use crate::api::table::{Endpoint, Retry};
use crate::api::value::Out;
use crate::core::error::Error;
use crate::core::options::CallOptions;
use crate::core::request::Request;
use crate::core::transport::Transport;
use crate::js;

/// A call, validated and ready to send (again, for each page).
#[derive(Debug)]
pub struct Prepared {
    pub ep: &'static Endpoint,
    path: String,
    items: Option<String>,
    pub params: Validated,
    /// The dedup key sent (the caller's or generated), set on the result.
    pub local_id: Option<String>,
    pub opts: CallOptions,
}

/// Where a write's generated `local_id` comes from.
#[derive(Debug, Clone, Copy)]
pub enum Ids<'a> {
    /// A UUID v4 from the host's random source (a single call).
    Random,
    /// A batch item's: a keyed hash of the request and `key`, and of how many
    /// identical requests came before it in the batch (counted in `seen`), so
    /// the same batch run again derives the same ids.
    Batch { key: &'a str, seen: &'a js_sys::Map },
}

impl Prepared {
    /// Read `args` (path arguments, the positional array, params, options)
    /// for the endpoint at `index`. Every problem is `invalid_argument`,
    /// found before anything is sent.
    pub fn new(t: &Transport, index: u32, args: &Array, ids: Ids<'_>) -> Result<Prepared, Error> {
        let Some(ep) = ENDPOINTS.get(index as usize) else {
            return Err(Error::invalid("no such endpoint"));
        };
        let positional = ep.positional();
        let takes_params = ep.takes_params();
        let max = positional + usize::from(takes_params) + 1;
        if args.length() as usize > max {
            return Err(Error::invalid(format!("{} takes at most {max} arguments, got {}", ep.name, args.length())));
        }
        let arg = |i: usize| args.get(u32::try_from(i).unwrap_or(u32::MAX));
        let texts: Vec<(Option<f64>, Option<String>)> = (0..ep.params.len())
            .map(|i| {
                let v = arg(i);
                match v.as_f64() {
                    Some(n) => (Some(n), None),
                    None => (None, v.as_string()),
                }
            })
            .collect();
        let path_args: Vec<Arg<'_>> = texts
            .iter()
            .map(|(n, s)| match (n, s) {
                (Some(n), _) => Arg::Number(*n),
                (None, Some(s)) => Arg::Text(s),
                (None, None) => Arg::Text(""),
            })
            .collect();
        let path = build::path(ep, &path_args)?;
        let items = match ep.items {
            Some(def) => {
                let given = js::args::items(&arg(ep.params.len()), def.item).map_err(|why| {
                    Error::invalid(format!("{}: {} could not be serialised as JSON: {why}", ep.name, def.name))
                })?;
                Some(params::items(ep, &def, given).map_err(Error::invalid)?)
            }
            None => None,
        };
        let settings = Settings { default_country_code: t.default_country_code() };
        let params =
            if takes_params { js::args::params(ep, &arg(positional), settings)? } else { Validated::default() };
        let options = arg(positional + usize::from(takes_params));
        let opts = t.call_options(&options).map_err(|mut e| {
            e.message = params::cat(&[ep.name, ": ", &e.message]);
            e
        })?;
        let mut call = Prepared { ep, path, items, params, local_id: None, opts };
        if ep.retry == Retry::LocalId {
            call.local_id = Some(call.make_local_id(t, ids)?);
        }
        Ok(call)
    }

    /// The request for the current params.
    pub fn request(&self) -> Request {
        build::request(self.ep, self.path.clone(), self.items.clone(), &self.params)
    }

    /// The call's value: the decoded body, with the `local_id` sent added to
    /// an object that lacks one.
    pub fn finish(&self, value: JsValue) -> JsValue {
        if let Some(id) = &self.local_id {
            js::set_if_absent(&value, "local_id", id);
        }
        value
    }
}

impl Prepared {
    /// The caller's `local_id`, or one made now as `ids` says (never at
    /// module scope: workerd forbids randomness there), set on the params.
    fn make_local_id(&mut self, t: &Transport, ids: Ids<'_>) -> Result<String, Error> {
        let ep = self.ep;
        if let Some((_, Out::Str(id))) = self.params.fields.iter().find(|(f, _)| f.name == "local_id") {
            // An empty key de-duplicates nothing: refuse it rather than retry.
            if id.trim().is_empty() {
                return Err(Error::invalid(params::cat(&[ep.name, ": local_id must not be empty"])));
            }
            return Ok(id.clone());
        }
        let id = match ids {
            Ids::Random => build::uuid_v4(js::random_bytes().ok_or_else(|| {
                Error::invalid(format!("{}: no crypto.getRandomValues to make a local_id; pass one", ep.name))
            })?),
            Ids::Batch { key, seen } => {
                let req = self.request();
                let body = req.body.as_deref().unwrap_or_default();
                let derive = |n: u32| {
                    let n = n.to_le_bytes();
                    let mac = t.derive(&[
                        b"local_id",
                        ep.name.as_bytes(),
                        req.path.as_bytes(),
                        req.query.as_bytes(),
                        body.as_bytes(),
                        key.as_bytes(),
                        &n,
                    ]);
                    build::uuid_v8(mac.first_chunk::<16>().copied().unwrap_or_default())
                };
                let first = derive(0);
                let first_js = JsValue::from_str(&first);
                let before = seen.get(&first_js).as_f64().unwrap_or(0.0);
                seen.set(&first_js, &JsValue::from_f64(before + 1.0));
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let n = before as u32;
                if n == 0 {
                    first
                } else {
                    derive(n)
                }
            }
        };
        if let Some(field) = ep.field("local_id") {
            self.params.set(field, Out::Str(id.clone()));
        }
        Ok(id)
    }
}
