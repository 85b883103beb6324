//! Work kept between the rebuilds of a live preview under the fingerprint of
//! what it is made of: what this rebuild has used so far, and what the last
//! one used. Each rebuild starts a generation; what the last one did not use
//! is let go, so the kept work never outgrows one site's.

use std::collections::HashMap;
use std::sync::Mutex;

/// Values by key, over two generations of rebuilds.
pub struct Generations<V> {
    kept: Mutex<(HashMap<u64, V>, HashMap<u64, V>)>,
}

impl<V> Default for Generations<V> {
    fn default() -> Self {
        Generations { kept: Mutex::new((HashMap::new(), HashMap::new())) }
    }
}

impl<V: Clone> Generations<V> {
    /// Starts a rebuild: what the last rebuild did not use is let go.
    pub fn next_generation(&self) {
        let mut g = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        g.1 = std::mem::take(&mut g.0);
    }

    /// The value kept under `key` (this rebuild's or the last one's), or
    /// the one `make` makes, kept for the next rebuild.
    pub fn get_or_make(&self, key: u64, make: impl FnOnce() -> V) -> V {
        let kept = {
            let mut g = self.kept.lock().unwrap_or_else(|e| e.into_inner());
            let kept = g.0.get(&key).cloned().or_else(|| g.1.remove(&key));
            if let Some(kept) = &kept {
                g.0.insert(key, kept.clone());
            }
            kept
        };
        kept.unwrap_or_else(|| {
            let made = make();
            self.kept.lock().unwrap_or_else(|e| e.into_inner()).0.insert(key, made.clone());
            made
        })
    }
}
