#pragma once
// "Did you mean …?" for a misspelt key or word: the candidate nearest to `word` by
// edit distance (insert, delete, replace, swap of neighbours; case ignored), if it is
// near enough to be a likely typo — at most one edit per three characters, at least one.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace retour {

std::size_t edit_distance(std::string_view a, std::string_view b);
std::optional<std::string> closest_word(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace retour
