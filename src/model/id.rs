//! Stage 2, model: typed positions in the site's lists. An [`Id<T>`] is the position of a `T`
//! in the one list of them the model builds (`Site::topics.list`, `Site::sessions`, ...), so
//! that a session's id cannot index the weeks: `site.sessions[id]` compiles only for a
//! session's id. The lists stay plain `Vec`s and slices (indexed through the impls here), so
//! every function that takes `&[Session]` still does; a crate's typed vector
//! (typed-index-collections) would have changed every such signature for no more safety.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::ops::{Index, IndexMut};

/// The position of a `T` in the model's list of them.
///
/// A session's id indexes the sessions:
///
/// ```
/// use hubsite::model::session::{Session, SessionId};
/// fn first(sessions: &[Session]) -> &Session {
///     &sessions[SessionId::new(0)]
/// }
/// ```
///
/// and not the weeks:
///
/// ```compile_fail
/// use hubsite::model::session::SessionId;
/// use hubsite::model::week::Week;
/// fn first(weeks: &[Week]) -> &Week {
///     &weeks[SessionId::new(0)]
/// }
/// ```
pub struct Id<T> {
    index: usize,
    of: PhantomData<fn() -> T>,
}

impl<T> Id<T> {
    /// The id of the item at `index` of its list; the model makes them as it builds the list.
    pub const fn new(index: usize) -> Id<T> {
        Id {
            index,
            of: PhantomData,
        }
    }

    /// Its position in its list.
    pub const fn index(self) -> usize {
        self.index
    }
}

// By hand rather than derived: a derive would ask `T` for each trait, and an id is copied,
// compared and hashed whatever it names.
impl<T> Clone for Id<T> {
    fn clone(&self) -> Id<T> {
        *self
    }
}

impl<T> Copy for Id<T> {}

impl<T> PartialEq for Id<T> {
    fn eq(&self, other: &Id<T>) -> bool {
        self.index == other.index
    }
}

impl<T> Eq for Id<T> {}

impl<T> PartialOrd for Id<T> {
    fn partial_cmp(&self, other: &Id<T>) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<T> Ord for Id<T> {
    fn cmp(&self, other: &Id<T>) -> std::cmp::Ordering {
        self.index.cmp(&other.index)
    }
}

impl<T> Hash for Id<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.index.hash(state);
    }
}

impl<T> fmt::Debug for Id<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = std::any::type_name::<T>();
        let name = name.rsplit("::").next().unwrap_or(name);
        write!(f, "{name}#{}", self.index)
    }
}

impl<T> Index<Id<T>> for [T] {
    type Output = T;
    fn index(&self, id: Id<T>) -> &T {
        &self[id.index]
    }
}

impl<T> IndexMut<Id<T>> for [T] {
    fn index_mut(&mut self, id: Id<T>) -> &mut T {
        &mut self[id.index]
    }
}

impl<T> Index<Id<T>> for Vec<T> {
    type Output = T;
    fn index(&self, id: Id<T>) -> &T {
        &self[id.index]
    }
}

impl<T> IndexMut<Id<T>> for Vec<T> {
    fn index_mut(&mut self, id: Id<T>) -> &mut T {
        &mut self[id.index]
    }
}

/// Lookups and walks by id on a list of the model's items.
pub trait ById<T> {
    /// The item with this id, if the list has it.
    fn by_id(&self, id: Id<T>) -> Option<&T>;
    /// Each item with its id, in order.
    fn with_ids<'a>(&'a self) -> impl Iterator<Item = (Id<T>, &'a T)>
    where
        T: 'a;
    /// Every id of the list, in order.
    fn ids(&self) -> impl Iterator<Item = Id<T>>;
}

impl<T> ById<T> for [T] {
    fn by_id(&self, id: Id<T>) -> Option<&T> {
        self.get(id.index)
    }

    fn with_ids<'a>(&'a self) -> impl Iterator<Item = (Id<T>, &'a T)>
    where
        T: 'a,
    {
        self.iter().enumerate().map(|(n, item)| (Id::new(n), item))
    }

    fn ids(&self) -> impl Iterator<Item = Id<T>> {
        (0..self.len()).map(Id::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_indexes_its_own_list() {
        let weeks: Vec<&str> = ["a", "b"].into();
        let second: Id<&str> = Id::new(1);
        assert_eq!(weeks[second], "b");
        assert_eq!(weeks.as_slice()[second], "b");
        assert_eq!(weeks.by_id(Id::new(2)), None);
        let found: Vec<(Id<&str>, &&str)> = weeks.with_ids().collect();
        assert_eq!(found, [(Id::new(0), &"a"), (second, &"b")]);
        assert_eq!(weeks.ids().map(Id::index).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(format!("{second:?}"), "&str#1");
    }
}
