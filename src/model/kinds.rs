//! Closed sets of the model, each an enum carrying its metadata: entity
//! kinds, polarity, modality, relation kinds, date precision.

use serde::{Deserialize, Serialize};

macro_rules! closed_enum {
    ($(#[$m:meta])* $name:ident { $($var:ident => $id:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name { $($var),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            /// The id used in CSV files and on the command line.
            pub fn id(self) -> &'static str { match self { $($name::$var => $id),+ } }
            pub fn from_id(s: &str) -> Option<Self> {
                match s { $($id => Some($name::$var),)+ _ => None }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.id()) }
        }
    };
}

closed_enum!(
    /// The type of an entity; each maps to an ontology class.
    EntityKind {
        Country => "country",
        Province => "province",
        Region => "region",
        City => "city",
        Place => "place",
        MilitaryBase => "military-base",
        Person => "person",
        GovernmentBody => "government-body",
        MilitaryForce => "military-force",
        Alliance => "alliance",
        ArmedGroup => "armed-group",
        Organisation => "organisation",
        NewsOutlet => "news-outlet",
    }
);

impl EntityKind {
    /// Local name of the ontology class (`kg:MilitaryBase`).
    pub fn class_name(self) -> &'static str {
        match self {
            EntityKind::Country => "Country",
            EntityKind::Province => "Province",
            EntityKind::Region => "Region",
            EntityKind::City => "City",
            EntityKind::Place => "Place",
            EntityKind::MilitaryBase => "MilitaryBase",
            EntityKind::Person => "Person",
            EntityKind::GovernmentBody => "GovernmentBody",
            EntityKind::MilitaryForce => "MilitaryForce",
            EntityKind::Alliance => "Alliance",
            EntityKind::ArmedGroup => "ArmedGroup",
            EntityKind::Organisation => "Organisation",
            EntityKind::NewsOutlet => "NewsOutlet",
        }
    }

    pub fn from_class_name(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.class_name() == s)
    }

    pub fn is_place(self) -> bool {
        matches!(
            self,
            EntityKind::Country
                | EntityKind::Province
                | EntityKind::Region
                | EntityKind::City
                | EntityKind::Place
                | EntityKind::MilitaryBase
        )
    }

    /// How specific a place is: higher is more specific (base > city > province > country).
    pub fn place_rank(self) -> u8 {
        match self {
            EntityKind::MilitaryBase => 6,
            EntityKind::Place => 5,
            EntityKind::City => 4,
            EntityKind::Province => 3,
            EntityKind::Region => 2,
            EntityKind::Country => 1,
            _ => 0,
        }
    }

    /// Whether the entity can be the actor of an event (places cannot, except
    /// countries and capitals used by metonymy, resolved before this check).
    pub fn can_act(self) -> bool {
        !self.is_place() || matches!(self, EntityKind::Country | EntityKind::Region)
    }

    /// Whether the entity can be the source of a claim.
    pub fn can_speak(self) -> bool {
        matches!(
            self,
            EntityKind::Person
                | EntityKind::GovernmentBody
                | EntityKind::MilitaryForce
                | EntityKind::Alliance
                | EntityKind::ArmedGroup
                | EntityKind::Organisation
                | EntityKind::NewsOutlet
                | EntityKind::Country
        )
    }
}

closed_enum!(
    /// Whether the text asserts or denies the event.
    Polarity { Positive => "positive", Negative => "negative" }
);

closed_enum!(
    /// Whether the event happened, is planned/expected, or is only possible.
    Modality { Asserted => "asserted", Planned => "planned", Hypothetical => "hypothetical" }
);

closed_enum!(
    /// Static relations between entities.
    RelationKind {
        LocatedIn => "located-in",
        LedBy => "led-by",
        PartOf => "part-of",
        BelongsTo => "belongs-to",
        HoldsRole => "holds-role",
        StandsFor => "stands-for",
    }
);

impl RelationKind {
    /// Local name of the ontology property.
    pub fn property_name(self) -> &'static str {
        match self {
            RelationKind::LocatedIn => "locatedIn",
            RelationKind::LedBy => "ledBy",
            RelationKind::PartOf => "partOf",
            RelationKind::BelongsTo => "country",
            RelationKind::HoldsRole => "holdsRoleIn",
            RelationKind::StandsFor => "metonymFor",
        }
    }
}

closed_enum!(
    /// Precision of a date: `2025-09` is a month, not the 1st of September.
    Precision { Day => "day", Month => "month", Year => "year", Unresolved => "unresolved" }
);

closed_enum!(
    /// How a date expression qualifies its date.
    DateQualifier {
        By => "by",
        Since => "since",
        Before => "before",
        After => "after",
        Start => "start",
        Mid => "mid",
        Late => "late",
        End => "end",
        Until => "until",
        Around => "around",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for k in EntityKind::ALL {
            assert_eq!(EntityKind::from_id(k.id()), Some(*k));
            assert_eq!(EntityKind::from_class_name(k.class_name()), Some(*k));
        }
        assert_eq!(Modality::from_id("planned"), Some(Modality::Planned));
        assert_eq!(RelationKind::LedBy.to_string(), "led-by");
    }
}
