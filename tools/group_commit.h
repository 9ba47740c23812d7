#pragma once
// Group commit: callers whose work arrives while a batch is being written wait and go
// into the next batch together, so one transaction (one fsync) stores many. Whichever
// waiting caller finds no batch running becomes the leader: it takes every waiting
// item, calls `write(items)` outside the queue lock, and then releases every caller of
// that batch. No caller returns before the write of the batch holding its item has
// returned, so nothing is answered before its commit. If `write` throws, every caller
// of that batch gets the exception (none is told its item was stored).
// Per-item outcomes are the items' business: `write` sets them on the items.
#include <condition_variable>
#include <exception>
#include <mutex>
#include <vector>

namespace retour::tools {

template <class Item>
class GroupCommit {
public:
    // Returns once `item` has been written (by this thread or another one's `write`).
    template <class Write>
    void run(Item& item, const Write& write) {
        Slot me{&item, nullptr, false};
        std::unique_lock<std::mutex> lock(mutex_);
        waiting_.push_back(&me);
        while (!me.done) {
            if (writing_) {
                wake_.wait(lock);
                continue;
            }
            // Not done and no batch running: `me` is still waiting_, so this batch holds it.
            writing_ = true;
            std::vector<Slot*> batch;
            batch.swap(waiting_);
            lock.unlock();
            std::exception_ptr failed;
            try {
                std::vector<Item*> items;
                items.reserve(batch.size());
                for (Slot* s : batch) items.push_back(s->item);
                write(items);
            } catch (...) {
                failed = std::current_exception();
            }
            lock.lock();
            for (Slot* s : batch) {
                s->failed = failed;
                s->done = true;
            }
            writing_ = false;
            wake_.notify_all();  // this batch's callers, and the next leader among the rest
        }
        if (me.failed) std::rethrow_exception(me.failed);
    }

private:
    struct Slot {
        Item* item;
        std::exception_ptr failed;
        bool done = false;
    };
    std::mutex mutex_;
    std::condition_variable wake_;
    bool writing_ = false;
    std::vector<Slot*> waiting_;
};

}  // namespace retour::tools
