package io.resoto.worker.aws.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToIntFunction;

/**
 * Runs tasks on a shared pool with at most {@code limit(key)} of one key running at once (the key
 * is "region:service"); the rest wait in that key's queue, in order. Tasks may submit more tasks
 * (fan-out); {@link #awaitIdle} waits for all of them. This keeps one slow or rate-limited service
 * from taking every thread of the account while the others wait.
 */
final class KeyedTaskQueue {

  private final Executor pool;
  private final ToIntFunction<String> limit;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private final Map<String, Deque<Runnable>> waiting = new HashMap<>();
  private final Map<String, Integer> running = new HashMap<>();
  private int outstanding;
  private boolean cancelled;

  KeyedTaskQueue(Executor pool, ToIntFunction<String> limit) {
    this.pool = pool;
    this.limit = limit;
  }

  /** Queues a task under its key; it runs as soon as the key has a free slot. */
  void submit(String key, Runnable task) {
    lock.lock();
    try {
      if (cancelled) {
        return;
      }
      outstanding++;
      int now = running.getOrDefault(key, 0);
      if (now < Math.max(1, limit.applyAsInt(key))) {
        running.put(key, now + 1);
      } else {
        waiting.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(task);
        return;
      }
    } finally {
      lock.unlock();
    }
    dispatch(key, task);
  }

  private void dispatch(String key, Runnable task) {
    try {
      pool.execute(() -> runThenNext(key, task));
    } catch (RejectedExecutionException e) {
      // the pool is shutting down (cancellation): the task is dropped like a queued one
      finished(key);
    }
  }

  private void runThenNext(String key, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      // tasks classify their own failures; this only keeps the bookkeeping right
    } finally {
      Runnable next = finished(key);
      if (next != null) {
        dispatch(key, next);
      }
    }
  }

  /** Frees the key's slot and returns the key's next task, which then holds the slot. */
  private Runnable finished(String key) {
    lock.lock();
    try {
      outstanding--;
      Deque<Runnable> queue = waiting.get(key);
      Runnable next = queue == null ? null : queue.pollFirst();
      if (next == null) {
        running.merge(key, -1, Integer::sum);
      }
      if (outstanding == 0) {
        idle.signalAll();
      }
      return next;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until every task, fan-out included, has finished, or the timeout passed.
   *
   * @return true when idle
   */
  boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = unit.toNanos(timeout);
    lock.lock();
    try {
      while (outstanding > 0) {
        if (nanos <= 0) {
          return false;
        }
        nanos = idle.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Drops every waiting task and refuses new ones; running tasks finish (or are interrupted). */
  void cancel() {
    lock.lock();
    try {
      cancelled = true;
      for (Deque<Runnable> queue : waiting.values()) {
        outstanding -= queue.size();
        queue.clear();
      }
      if (outstanding <= 0) {
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }
}
