//! A list endpoint's walk, page by page, as a wasm-bindgen object: the JS
//! `Paginator` shell calls `next()` until it resolves to an empty array.
//! Each page is one call through the transport (retries, timeout, signal per
//! page); the row's paging rule picks the next page's cursor, and a cursor
//! that does not advance ends the walk with `invalid_response` after the
//! items already handed out.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;

use crate::api::paging;
use crate::api::table::Paging;
use crate::calls::Prepared;
use crate::core::config;
use crate::core::error::{Error, ErrorCode};
use crate::core::transport::Transport;
use crate::js;

/// One walk over a list endpoint.
#[wasm_bindgen]
pub struct Pages {
    transport: Rc<Transport>,
    walk: Rc<RefCell<Walk>>,
}

struct Walk {
    /// The call, or the error found while preparing it (handed out once).
    call: Result<Prepared, Option<Error>>,
    /// Items still wanted (`toArray({ limit })`), if capped.
    remaining: Option<u64>,
    /// Why the walk cannot go on, handed out by the next `next()`.
    stuck: Option<Error>,
    /// The previous page's first item, as JSON (page-number walks).
    previous_first: Option<String>,
    done: bool,
    busy: bool,
}

impl Pages {
    pub fn new(transport: Rc<Transport>, call: Result<Prepared, Error>) -> Pages {
        let mut call = call.map_err(Some);
        if let Ok(prepared) = &mut call {
            let (ep, given) = (prepared.ep, cursor_field(prepared));
            if let (Some(field), Some(first)) = (given, paging::first(ep, current(prepared).as_ref())) {
                prepared.params.set(field, first);
            }
        }
        let walk = Walk { call, remaining: None, stuck: None, previous_first: None, done: false, busy: false };
        Pages { transport, walk: Rc::new(RefCell::new(walk)) }
    }
}

/// The params field the row's rule sets per page.
fn cursor_field(p: &Prepared) -> Option<&'static crate::api::table::Field> {
    match p.ep.paging {
        Paging::Cursor { param, .. } => p.ep.field(param),
        Paging::Page { .. } => p.ep.field("page"),
        Paging::None => None,
    }
}

/// The cursor's current value.
fn current(p: &Prepared) -> Option<crate::api::value::Out> {
    let field = cursor_field(p)?;
    p.params.fields.iter().find(|(f, _)| f.name == field.name).map(|(_, v)| v.clone())
}

#[wasm_bindgen]
impl Pages {
    /// Cap the walk at `options.limit` items (a positive safe integer).
    pub fn limit(&self, options: JsValue) -> Result<(), JsValue> {
        let n = js::get(&options, "limit").as_f64().unwrap_or(f64::NAN);
        let limit = config::resource_id(n, "toArray: limit").map_err(|e| self.transport.to_js(e))?;
        self.walk.borrow_mut().remaining = Some(limit);
        Ok(())
    }

    /// The next page's items; an empty array once the walk is over.
    pub fn next(&self) -> Promise {
        let mut guard = self.walk.borrow_mut();
        let walk: &mut Walk = &mut guard;
        if walk.busy {
            let e = Error::invalid("a page walk's next() was called before the previous page arrived");
            return Promise::reject(&self.transport.to_js(e));
        }
        if walk.done || walk.remaining == Some(0) {
            // A capped walk that has all it wants ends quietly, even if the
            // cursor could not have gone on.
            return Promise::resolve(&JsValue::from(Array::new()));
        }
        let pending = match &mut walk.call {
            Err(e) => e.take(),
            Ok(_) => walk.stuck.take(),
        };
        if let Some(e) = pending {
            walk.done = true;
            return Promise::reject(&self.transport.to_js(e));
        }
        let Ok(call) = &walk.call else { return Promise::resolve(&JsValue::from(Array::new())) };
        let (req, opts) = (call.request(), call.opts.clone());
        walk.busy = true;
        drop(guard);
        let (transport, walk) = (Rc::clone(&self.transport), Rc::clone(&self.walk));
        crate::js::spawn(Box::pin(async move {
            let result = transport.run(req, opts).await;
            // Read the page before borrowing the walk: the copy is a plain
            // array, so nothing below can run caller code or throw.
            let page = match result.map(|(v, _)| js::copy_array(&v)) {
                Ok(Some(page)) => page,
                Ok(None) => {
                    let e = Error::new(ErrorCode::InvalidResponse, "a page could not be read as an array");
                    let mut w = walk.borrow_mut();
                    (w.busy, w.done) = (false, true);
                    return Err(transport.to_js(e));
                }
                Err(e) => {
                    let mut w = walk.borrow_mut();
                    (w.busy, w.done) = (false, true);
                    return Err(transport.to_js(e));
                }
            };
            // What the rule needs of the page, read with no borrow held (a
            // getter or `toJSON` of a caller's fetch could call back in).
            let paging = walk.borrow().call.as_ref().map(|c| c.ep.paging).unwrap_or(Paging::None);
            let seen = marks(paging, &page);
            let mut w = walk.borrow_mut();
            w.busy = false;
            w.advance(seen);
            if let Some(left) = w.remaining.as_mut() {
                let len = u64::from(page.length());
                if len >= *left {
                    let kept = page.slice(0, u32::try_from(*left).unwrap_or(u32::MAX));
                    *left = 0;
                    return Ok(kept.into());
                }
                *left -= len;
            }
            Ok(page.into())
        }))
    }
}

impl Walk {
    /// Move the cursor past the page the walk just saw, by the row's rule.
    fn advance(&mut self, seen: paging::Seen) {
        let Ok(call) = &mut self.call else { return };
        let first = seen.first.clone();
        match paging::next(call.ep, current(call).as_ref(), seen, self.previous_first.as_deref()) {
            Ok(Some(next)) => {
                if let Some(field) = cursor_field(call) {
                    call.params.set(field, next);
                }
            }
            Ok(None) => self.done = true,
            Err(message) => self.stuck = Some(Error::new(ErrorCode::InvalidResponse, message)),
        }
        self.previous_first = first;
    }
}

/// The count, the last item's cursor field and the first item's JSON.
fn marks(paging: Paging, page: &Array) -> paging::Seen {
    let count = page.length();
    let last = match paging {
        Paging::Cursor { from, .. } if count > 0 => js::get(&page.get(count - 1), from).as_string(),
        _ => None,
    };
    let first = match paging {
        Paging::Page { .. } if count > 0 => js_sys::JSON::stringify(&page.get(0)).ok().and_then(|s| s.as_string()),
        _ => None,
    };
    paging::Seen { count: count as usize, last, first }
}

impl core::fmt::Debug for Pages {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Pages").finish_non_exhaustive()
    }
}
