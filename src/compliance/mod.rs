//! The law engine: which obligations of a jurisdiction's rule pack reach a breach
//! ([`coverage`]), when each is due ([`obligations`], on the clocks of [`calendar`]), and
//! the text scanners the checks use ([`pii`], [`hidden`]). The checks themselves are in
//! [`crate::checks`]; nothing here knows about HTML.

pub mod calendar;
#[cfg(test)]
mod cases;
pub mod coverage;
pub mod hidden;
pub mod obligations;
pub mod pii;
pub mod residence;
#[cfg(test)]
mod testing;
