//! The entities one article refers to: gazetteer entries copied in on first
//! use, and entities discovered in the text, each with the surface forms seen.

use std::cell::OnceCell;
use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use crate::lexicon::{LexEntity, Lexicon};
use crate::model::{Entity, EntityKind};
use crate::text::normalize::normalize_str;

#[derive(Default)]
pub struct EntityTable {
    list: Vec<Entity>,
    index: FxHashMap<String, usize>,
    /// Lexicon index of each entity (None for discovered ones).
    lex_index: Vec<Option<usize>>,
    /// What [`EntityTable::from_lexicon`] returned for each lexicon index
    /// (looked up by position instead of hashing the id again).
    by_lex: FxHashMap<usize, usize>,
    /// Normalized names of each entity (label, alternative labels, aliases),
    /// computed on first use by [`EntityTable::normalized_names`].
    norm_names: Vec<OnceCell<Vec<String>>>,
}

/// Builds the model entity of a gazetteer entry.
pub fn entity_of(e: &LexEntity) -> Entity {
    Entity {
        id: e.id.clone(),
        kind: e.kind.unwrap_or(EntityKind::Organisation),
        label_ar: e.label_ar.clone(),
        label_en: e.label_en.clone(),
        alt_labels: e.alt_labels.clone(),
        aliases: BTreeSet::new(),
        wikidata: e.wikidata.clone(),
        discovered: false,
    }
}

impl EntityTable {
    /// Index of the lexicon entity `li`, adding it on first use.
    pub fn from_lexicon(&mut self, lex: &Lexicon, li: usize) -> usize {
        if let Some(&i) = self.by_lex.get(&li) {
            return i;
        }
        let e = &lex.entities[li];
        let i = match self.index.get(&e.id) {
            Some(&i) => i,
            None => self.push(entity_of(e), Some(li)),
        };
        self.by_lex.insert(li, i);
        i
    }

    /// Index of the lexicon entity with this id, if it exists.
    pub fn by_lex_id(&mut self, lex: &Lexicon, id: &str) -> Option<usize> {
        if let Some(&i) = self.index.get(id) {
            return Some(i);
        }
        let li = lex.entity_position(id)?;
        Some(self.from_lexicon(lex, li))
    }

    /// Index of a discovered entity; the id is derived from its normalized
    /// name and kept apart from gazetteer ids.
    pub fn discovered(&mut self, lex: &Lexicon, id: &str, kind: EntityKind, label: &str) -> usize {
        let id = if lex.entity(id).is_some() {
            format!("{id}-{}", kind.id())
        } else {
            id.to_string()
        };
        if let Some(&i) = self.index.get(&id) {
            return i;
        }
        self.push(
            Entity {
                id,
                kind,
                label_ar: label.trim().to_string(),
                label_en: None,
                alt_labels: Vec::new(),
                aliases: BTreeSet::new(),
                wikidata: None,
                discovered: true,
            },
            None,
        )
    }

    fn push(&mut self, e: Entity, li: Option<usize>) -> usize {
        let i = self.list.len();
        self.index.insert(e.id.clone(), i);
        self.list.push(e);
        self.lex_index.push(li);
        self.norm_names.push(OnceCell::new());
        i
    }

    /// Index of an entity already in the table.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    pub fn get(&self, i: usize) -> &Entity {
        &self.list[i]
    }

    pub fn lex_entity<'a>(&self, lex: &'a Lexicon, i: usize) -> Option<&'a LexEntity> {
        self.lex_index[i].map(|li| &lex.entities[li])
    }

    pub fn add_alias(&mut self, i: usize, surface: &str) {
        let s = surface.trim();
        if !s.is_empty()
            && self.list[i].aliases.insert(s.to_string())
            && let Some(names) = self.norm_names[i].get_mut()
        {
            names.push(normalize_str(s));
        }
    }

    /// The normalized forms of every name of entity `i`: its label, its
    /// alternative labels (normalized once by the lexicon) and the aliases
    /// seen so far (normalized on first use).
    pub fn normalized_names<'a>(
        &'a self,
        lex: &'a Lexicon,
        i: usize,
    ) -> impl Iterator<Item = &'a str> + 'a {
        let e = &self.list[i];
        // (a discovered entity has its label and no alternative labels)
        let (labels, own_label) = match self.lex_index[i] {
            Some(li) => (lex.normalized_labels(li), None),
            None => (&[][..], Some(&e.label_ar)),
        };
        let own = self.norm_names[i].get_or_init(|| {
            own_label
                .into_iter()
                .chain(&e.aliases)
                .map(|name| normalize_str(name))
                .collect()
        });
        labels.iter().chain(own).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn into_entities(self) -> Vec<Entity> {
        self.list
    }
}
