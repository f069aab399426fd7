// poll, epoll.
#pragma once

#include "syscompat/abi/describe.hpp"

namespace syscompat::abi {

// The descriptions keep one member per line, as the C declarations do.
// clang-format off

SYSCOMPAT_STRUCT(pollfd, "pollfd", uapi("linux/poll.h", "struct pollfd"),
                 (fd, c_int),
                 (events, c_short),
                 (revents, c_short));

// EPOLL_PACKED: the kernel packs epoll_event where __x86_64__ is defined (x86_64 and x32)
// so that 32-bit x86 and 64-bit x86 share one layout: 12 bytes there, 16 elsewhere.
template <class M>
inline constexpr bool epoll_event_packed = M::abi == Abi::x86_64 || M::abi == Abi::x32;
template <class M, class T>
using epoll_member_t = std::conditional_t<epoll_event_packed<M>, packed_t<T>, T>;
template <class M>
using epoll_events_t = epoll_member_t<M, typename M::u32>;
template <class M>
using epoll_data_t = epoll_member_t<M, typename M::u64>;

SYSCOMPAT_STRUCT(epoll_event, "epoll_event", uapi("linux/eventpoll.h", "struct epoll_event"),
                 (events, epoll_events_t<M>),
                 (data, epoll_data_t<M>));

// clang-format on

}  // namespace syscompat::abi

#define SYSCOMPAT_STRUCTS_POLL(X) X(pollfd) X(epoll_event)
