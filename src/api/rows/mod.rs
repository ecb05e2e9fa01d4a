//! The table's rows, one `const` per endpoint, grouped by resource. Field
//! names are Heymarket's own (see `../shared/heymarket-api.md` for the
//! sources of each).

pub mod contacts;
pub mod messaging;
pub mod other;

use super::table::{Field, Ty};

/// A required body field.
const fn r(name: &'static str, ty: Ty) -> Field {
    Field::req(name, ty)
}
/// An optional body field.
const fn o(name: &'static str, ty: Ty) -> Field {
    Field::opt(name, ty)
}

/// Channel types of v2 contacts.
const CHANNEL_TYPES: &[&str] = &["phone", "email", "facebook", "instagram", "whatsapp"];
