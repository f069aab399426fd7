#include "syscompat/abi/constants.hpp"

#include <array>
#include <map>

namespace syscompat::abi {

std::span<const Vocabulary* const> vocabularies() {
  using namespace vocab;
  static constexpr const Vocabulary* all[] = {
      &open_access,
      &open_flags,
      &at_flags,
      &statx_sync,
      &statx_mask,
      &field_masks,
      &dirfd_values,
      &fcntl_commands,
      &fd_flags,
      &access_modes,
      &flock_ops,
      &lock_types,
      &inotify_mask,
      &seek_whence,
      &poll_events,
      &epoll_events,
      &epoll_ctl_ops,
      &mmap_prot,
      &mmap_type,
      &mmap_flags,
      &madvise_advice,
      &clone_flags,
      &wait_options,
      &futex_ops,
      &futex_op_flags,
      &prctl_options,
      &rlimit_resources,
      &getrandom_flags,
      &clock_ids,
      &signals,
      &sigprocmask_how,
      &sigaction_flags,
      &errnos,
      &socket_families,
      &socket_types,
      &socket_type_flags,
      &socket_levels,
      &socket_options,
      &cmsg_types,
      &msg_flags,
      &file_types,
      &rlimit_infinity,
      &rlimit64_infinity,
      &signal_handlers,
      &altstack_flags,
      &si_codes,
      &cld_codes,
      &segv_codes,
      &mremap_flags,
      &msync_flags,
      &fs_magics,
      &statfs_flags,
      &sched_policies,
      &user_desc_bits,
      &ip_protocols,
      &priority_which,
      &futex_bitsets,
      &io_uring_enter_flags,
      &itimer_which,
      &rusage_who,
      &wait_id_types,
      &shutdown_how,
      &ipc_keys,
      &ipc_get_flags,
      &shm_get_flags,
      &ipc_commands,
      &sem_commands,
      &shm_commands,
      &msg_commands,
      &ipc_versions,
      &sigev_notify,
  };
  return all;
}

const ConstantRow* find_constant(const Vocabulary& vocabulary, std::string_view name) {
  for (const auto& row : vocabulary.rows)
    if (row.name == name) return &row;
  return nullptr;
}

std::vector<std::string> constant_table_errors() {
  std::vector<std::string> errors;
  std::map<std::string_view, std::string_view> seen;  // name -> vocabulary
  for (const Vocabulary* each : vocabularies()) {
    const Vocabulary& vocabulary = *each;
    for (const auto& row : vocabulary.rows) {
      auto [at, fresh] = seen.emplace(row.name, vocabulary.name);
      if (!fresh)
        errors.push_back(std::string(row.name) + " in both " + std::string(at->second) + " and " +
                         std::string(vocabulary.name));
    }
    for (Abi a : all_abis) {
      std::map<std::int64_t, std::string_view> values;
      std::size_t zeros = 0;
      for (const auto& row : vocabulary.rows) {
        const auto value = constant_value(row, a);
        if (!value) continue;
        if (vocabulary.kind == VocabularyKind::flags) {
          zeros += *value == 0;
          continue;
        }
        auto [at, fresh] = values.emplace(*value, row.name);
        if (!fresh)
          errors.push_back(std::string(vocabulary.name) + ": " + std::string(row.name) + " and " +
                           std::string(at->second) + " have one value on " +
                           std::string(abi_name(a)));
      }
      if (zeros > 1)
        errors.push_back(std::string(vocabulary.name) + ": more than one flag of value 0 on " +
                         std::string(abi_name(a)));
    }
  }
  return errors;
}

}  // namespace syscompat::abi
