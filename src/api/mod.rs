//! Pieces of the whole-API work that need no JS: phone normalisation and
//! path building, tested natively. The endpoint table and the generic call
//! mechanism build on these.

pub mod path;
pub mod phone;
