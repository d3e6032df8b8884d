//! The law engine: which obligations of a jurisdiction's rule pack reach a breach
//! ([`coverage`]), when each is due ([`obligations`], on the clocks of [`calendar`]), and
//! the text scanners the checks use ([`pii`], [`hidden`]), and the statutory public list
//! of breaches ([`public_list`]). The checks themselves are in
//! [`crate::checks`]; nothing here knows about HTML.

pub mod calendar;
#[cfg(test)]
mod cases;
#[cfg(test)]
mod cases_il;
#[cfg(test)]
mod cases_txca;
pub mod coverage;
pub mod hidden;
pub mod obligations;
pub mod pii;
pub mod public_list;
pub mod residence;
#[cfg(test)]
mod testing;
