//! The US time zone a state's hour clocks run in ("48 hours after discovery" is counted on
//! the district's own clock). Daylight time follows 15 U.S.C. §260a everywhere here.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub enum Zone {
    #[default]
    Eastern,
    Central,
    Mountain,
    Pacific,
}

impl Zone {
    /// Hours from UTC in standard time.
    pub fn standard_offset(self) -> i32 {
        match self {
            Zone::Eastern => -5,
            Zone::Central => -6,
            Zone::Mountain => -7,
            Zone::Pacific => -8,
        }
    }

    /// "Eastern", for "8:45 a.m. Eastern time".
    pub fn name(self) -> &'static str {
        match self {
            Zone::Eastern => "Eastern",
            Zone::Central => "Central",
            Zone::Mountain => "Mountain",
            Zone::Pacific => "Pacific",
        }
    }
}
