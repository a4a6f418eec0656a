//! The wasm's memory allocator: blocks of power-of-two sizes, one free list
//! per size, new blocks taken from the top of memory.
//!
//! Small on purpose (a few hundred bytes of wasm against 2.4 KB for `talc`
//! and more for std's dlmalloc): every reader downloads it. What it gives
//! up is reuse across sizes: a freed block only serves requests of its own
//! size class, and a request rounds up to the next power of two. The widget
//! repeats the same allocations on every update and refresh, so memory
//! reaches a high-water mark and stays there (`scripts/bench.sh` measures
//! it across 500 refreshes).
//!
//! The logic is plain Rust over addresses, tested natively against an
//! arena; only `Wasm` (the wasm build's global allocator) touches real memory.

/// Alignment of every block (the most any type in this crate needs).
pub const ALIGN: usize = 16;
/// Smallest block, 2^4 = 16 bytes: room for the free list's link.
const MIN_CLASS: u32 = 4;

/// Free lists and the top of the heap. Addresses are plain numbers; a free
/// block stores the address of the next free block of its class in its
/// first word (0 ends a list).
pub struct Heap {
    free: [usize; usize::BITS as usize],
    top: usize,
    end: usize,
}

/// Where a heap gets fresh memory, and how it reads and writes a free
/// block's link.
pub trait Memory {
    /// Adds at least `bytes` of memory; returns where the new memory starts
    /// (it need not follow what was given before) and its length, or
    /// `None` when there is no more.
    fn grow(&mut self, bytes: usize) -> Option<(usize, usize)>;
    /// The link stored at `addr`.
    fn read(&self, addr: usize) -> usize;
    /// Stores a link at `addr`.
    fn write(&mut self, addr: usize, link: usize);
}

/// The size class (log2 of the block size) for a request, or `None` when
/// it cannot be served (alignment above [`ALIGN`], or too large).
pub fn class(size: usize, align: usize) -> Option<u32> {
    if align > ALIGN || size > 1 << (usize::BITS - 2) {
        return None;
    }
    Some(size.max(1).next_power_of_two().trailing_zeros().max(MIN_CLASS))
}

impl Heap {
    /// An empty heap.
    pub const fn new() -> Heap {
        Heap { free: [0; usize::BITS as usize], top: 0, end: 0 }
    }

    /// A block of class `k`; 0 when memory is exhausted.
    pub fn alloc(&mut self, k: u32, mem: &mut impl Memory) -> usize {
        let head = self.free[k as usize];
        if head != 0 {
            self.free[k as usize] = mem.read(head);
            return head;
        }
        let size = 1usize << k;
        if self.end - self.top < size {
            let Some((start, len)) = mem.grow(size + ALIGN) else { return 0 };
            if start != self.end {
                // Not contiguous with what we had (or the first growth):
                // the rest of the old region stays unused.
                self.top = start.next_multiple_of(ALIGN);
            }
            self.end = start + len;
        }
        // `top` stays a multiple of ALIGN: every block is 16 bytes or more,
        // in powers of two.
        let block = self.top;
        self.top += size;
        block
    }

    /// Returns a block of class `k` to its free list.
    pub fn free(&mut self, block: usize, k: u32, mem: &mut impl Memory) {
        mem.write(block, self.free[k as usize]);
        self.free[k as usize] = block;
    }

    /// The top of the heap, an address (for tests): it rises only when no
    /// freed block of the class asked for is left.
    pub fn used(&self) -> usize {
        self.top
    }
}

impl Default for Heap {
    fn default() -> Heap {
        Heap::new()
    }
}

/// The global allocator of the wasm build.
#[cfg(target_arch = "wasm32")]
pub struct Wasm(core::cell::UnsafeCell<Heap>);

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::{class, Heap, Memory, Wasm};
    use core::alloc::{GlobalAlloc, Layout};
    use core::arch::wasm32;

    const PAGE: usize = 65_536;

    struct Linear;

    impl Memory for Linear {
        fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
            let pages = bytes.div_ceil(PAGE);
            let old = wasm32::memory_grow(0, pages);
            (old != usize::MAX).then(|| (old * PAGE, pages * PAGE))
        }
        fn read(&self, addr: usize) -> usize {
            // SAFETY: `addr` is a free block of at least 16 bytes.
            unsafe { (addr as *const usize).read() }
        }
        fn write(&mut self, addr: usize, link: usize) {
            // SAFETY: as above; the block is ours until it is handed out.
            unsafe { (addr as *mut usize).write(link) }
        }
    }

    impl Default for Wasm {
        fn default() -> Wasm {
            Wasm::new()
        }
    }

    impl Wasm {
        /// The allocator, before its first use.
        pub const fn new() -> Wasm {
            Wasm(core::cell::UnsafeCell::new(Heap::new()))
        }
        #[allow(clippy::mut_from_ref)]
        fn heap(&self) -> &mut Heap {
            // SAFETY: the module is single-threaded (no wasm threads, no
            // workers sharing its memory) and the heap's methods do not
            // call back into the allocator, so no two borrows overlap.
            unsafe { &mut *self.0.get() }
        }
    }

    // SAFETY: single-threaded, see `Wasm::heap`.
    unsafe impl Sync for Wasm {}

    // SAFETY: blocks of class k are 2^k bytes at 16-byte aligned addresses
    // (larger alignments are refused), handed out once until freed.
    unsafe impl GlobalAlloc for Wasm {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            match class(layout.size(), layout.align()) {
                Some(k) => self.heap().alloc(k, &mut Linear) as *mut u8,
                None => core::ptr::null_mut(),
            }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            if let Some(k) = class(layout.size(), layout.align()) {
                self.heap().free(ptr as usize, k, &mut Linear);
            }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let (Some(old), Some(new)) = (class(layout.size(), layout.align()), class(new_size, layout.align())) else {
                return core::ptr::null_mut();
            };
            if old == new {
                return ptr;
            }
            let block = self.heap().alloc(new, &mut Linear) as *mut u8;
            if !block.is_null() {
                // SAFETY: both blocks are ours, distinct, and at least this long.
                unsafe { core::ptr::copy_nonoverlapping(ptr, block, layout.size().min(new_size)) };
                self.heap().free(ptr as usize, old, &mut Linear);
            }
            block
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    /// Memory as a vector of words, grown in 64 KB pages like the wasm's.
    #[derive(Default)]
    struct Arena {
        words: Vec<usize>,
    }

    impl Memory for Arena {
        fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
            // Starts past a first page that stands for the module's own data.
            let start = self.words.len().max(8_192) * 8;
            let len = bytes.div_ceil(65_536) * 65_536;
            if start + len > 64 << 20 {
                return None;
            }
            self.words.resize((start + len) / 8, 0);
            Some((start, len))
        }
        fn read(&self, addr: usize) -> usize {
            self.words[addr / 8]
        }
        fn write(&mut self, addr: usize, link: usize) {
            self.words[addr / 8] = link;
        }
    }

    #[test]
    fn classes_round_up_to_powers_of_two() {
        assert_eq!(class(0, 1), Some(4));
        assert_eq!(class(16, 8), Some(4));
        assert_eq!(class(17, 8), Some(5));
        assert_eq!(class(6_900_000, 1), Some(23));
        assert_eq!(class(8, 32), None);
        assert_eq!(class(usize::MAX, 1), None);
    }

    /// Random allocations and frees: blocks are aligned, never overlap while
    /// live, and the same pattern again takes no new memory.
    #[test]
    fn blocks_are_aligned_disjoint_and_reused() {
        let mut heap = Heap::new();
        let mut mem = Arena::default();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut rand = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        let mut sizes = Vec::new();
        for _ in 0..2_000 {
            let big = rand(10) == 0;
            sizes.push(1 + rand(if big { 200_000 } else { 300 }) as u64);
        }
        let mut high_water = 0;
        for round in 0..3 {
            let mut live: Vec<(usize, usize)> = Vec::new();
            for (i, size) in sizes.iter().enumerate() {
                let k = class(*size as usize, 8).unwrap();
                let block = heap.alloc(k, &mut mem);
                assert!(block != 0 && block % ALIGN == 0);
                assert!(block + (1 << k) <= mem.words.len() * 8);
                for (b, s) in &live {
                    assert!(block + (1 << k) <= *b || *b + s <= block, "overlap");
                }
                live.push((block, 1 << k));
                if i % 3 == 0 {
                    let (b, s) = live.swap_remove(rand(live.len() as u64));
                    heap.free(b, s.trailing_zeros(), &mut mem);
                }
            }
            for (b, s) in live {
                heap.free(b, s.trailing_zeros(), &mut mem);
            }
            if round == 0 {
                high_water = heap.used();
            }
        }
        assert!(heap.used() <= high_water * 3 / 2, "{} vs {high_water}", heap.used());
    }

    #[test]
    fn exhausted_memory_is_reported_not_reused() {
        let mut heap = Heap::new();
        let mut mem = Arena::default();
        assert_ne!(heap.alloc(25, &mut mem), 0); // 32 MB
        assert_eq!(heap.alloc(26, &mut mem), 0); // 64 MB more does not fit
        assert_ne!(heap.alloc(4, &mut mem), 0);
    }
}
