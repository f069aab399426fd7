// How many threads the shim's table holds (threads.hpp: thread_slots), a plain macro so that
// mode_switch.S, which finds a thread's slot by its tid, reads the same number.
#pragma once

#define RUN32_THREAD_SLOTS 16384
