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

impl Prepared {
    /// Read `args` (path arguments, the positional array, params, options)
    /// for the endpoint at `index`. Every problem is `invalid_argument`,
    /// found before anything is sent.
    pub fn new(t: &Transport, index: u32, args: &Array) -> Result<Prepared, Error> {
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
        let mut params =
            if takes_params { js::args::params(ep, &arg(positional), settings)? } else { Validated::default() };
        let options = arg(positional + usize::from(takes_params));
        let opts = t.call_options(&options).map_err(|mut e| {
            e.message = params::cat(&[ep.name, ": ", &e.message]);
            e
        })?;
        let local_id = if ep.retry == Retry::LocalId { Some(local_id(ep, &mut params)?) } else { None };
        Ok(Prepared { ep, path, items, params, local_id, opts })
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

/// The caller's `local_id`, or a UUID v4 from the host's random source,
/// made now (never at module scope: workerd forbids randomness there).
fn local_id(ep: &'static Endpoint, params: &mut Validated) -> Result<String, Error> {
    if let Some((_, Out::Str(id))) = params.fields.iter().find(|(f, _)| f.name == "local_id") {
        // An empty key de-duplicates nothing: refuse it rather than retry.
        if id.trim().is_empty() {
            return Err(Error::invalid(params::cat(&[ep.name, ": local_id must not be empty"])));
        }
        return Ok(id.clone());
    }
    let bytes = js::random_bytes().ok_or_else(|| {
        Error::invalid(format!("{}: no crypto.getRandomValues to make a local_id; pass one", ep.name))
    })?;
    let id = build::uuid_v4(bytes);
    if let Some(field) = ep.field("local_id") {
        params.set(field, Out::Str(id.clone()));
    }
    Ok(id)
}
