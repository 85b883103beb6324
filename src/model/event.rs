//! What kind of event a briefing records, and its name in ACLED's typology.

use super::casualty::{CasualtyReport, Who};

/// The `event:` of a briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventType {
    /// An attack (the default).
    Attack,
    /// Armed clashes between organised forces.
    Battle,
    /// Bombs, shelling, drones, mines: remote violence.
    Explosion,
    /// Violence deliberately aimed at civilians.
    ViolenceAgainstCivilians,
    /// A demonstration.
    Protest,
    /// A violent demonstration or mob violence.
    Riot,
    /// Not violence: a propaganda video, a training camp, an agreement, a release.
    Development,
}

impl EventType {
    /// Every value, in the order the docs list them.
    pub const ALL: [EventType; 7] = [
        EventType::Attack,
        EventType::Battle,
        EventType::Explosion,
        EventType::ViolenceAgainstCivilians,
        EventType::Protest,
        EventType::Riot,
        EventType::Development,
    ];

    /// The front-matter words.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Attack => "attack",
            EventType::Battle => "battle",
            EventType::Explosion => "explosion",
            EventType::ViolenceAgainstCivilians => "violence against civilians",
            EventType::Protest => "protest",
            EventType::Riot => "riot",
            EventType::Development => "development",
        }
    }

    /// The word as a slug, for styles and filters: `violence-against-civilians`.
    pub fn slug(self) -> &'static str {
        match self {
            EventType::ViolenceAgainstCivilians => "violence-against-civilians",
            other => other.as_str(),
        }
    }

    /// True for events of violence, which incident counts, totals, charts and
    /// maps are made of; a development is listed but not counted.
    pub fn is_incident(self) -> bool {
        self != EventType::Development
    }

    /// ACLED's event type for an event with these casualty reports: an attack
    /// is "Violence against civilians" when it has reports and every one is
    /// about civilians, else "Battles".
    pub fn acled(self, reports: &[CasualtyReport]) -> &'static str {
        match self {
            EventType::Attack if !reports.is_empty() && reports.iter().all(|r| r.who == Who::Civilians) => {
                "Violence against civilians"
            }
            EventType::Attack | EventType::Battle => "Battles",
            EventType::Explosion => "Explosions/Remote violence",
            EventType::ViolenceAgainstCivilians => "Violence against civilians",
            EventType::Protest => "Protests",
            EventType::Riot => "Riots",
            EventType::Development => "Strategic developments",
        }
    }
}

/// Every ACLED event type an `event:` can map to, in ACLED's order.
pub const ACLED_TYPES: [&str; 6] = [
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::casualty::{CasualtyKind, Figure};

    fn report(who: Who) -> CasualtyReport {
        CasualtyReport { kind: CasualtyKind::Killed, who, figure: Figure::exact(1), according_to: "x".into() }
    }

    #[test]
    fn an_attack_on_civilians_only_is_violence_against_civilians() {
        assert_eq!(EventType::Attack.acled(&[report(Who::Civilians)]), "Violence against civilians");
        assert_eq!(EventType::Attack.acled(&[report(Who::Civilians), report(Who::Militants)]), "Battles");
        assert_eq!(EventType::Attack.acled(&[]), "Battles");
        assert_eq!(EventType::Development.acled(&[]), "Strategic developments");
        for e in EventType::ALL {
            assert!(ACLED_TYPES.contains(&e.acled(&[])));
        }
    }
}
