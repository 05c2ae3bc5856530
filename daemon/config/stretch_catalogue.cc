#include "config/stretch_catalogue.h"

#include <algorithm>

#include "config/stretch_entries.h"
#include "config/stretch_translation.h"
#include "config/yaml_check.h"

namespace unsit {

Result<std::vector<Stretch>> ParseStretches(std::string_view yaml_text,
                                            const std::string& file_name) {
  Result<YAML::Node> root = config_internal::LoadYaml(yaml_text, file_name);
  if (!root) return root.error();
  config_internal::Problems problems(file_name);
  config_internal::StretchRules rules;
  rules.require_all_fields = true;
  std::vector<Stretch> stretches =
      config_internal::StretchListOf(YAML::Node(), *root, "stretches", rules, problems);
  if (!problems.empty()) return problems.ToError();
  return stretches;
}

Result<std::vector<Stretch>> BuiltinStretches() {
  Result<std::vector<Stretch>> stretches =
      ParseStretches(BuiltinStretchesYaml(), "stretches.yaml (built in)");
  if (!stretches) return stretches;
  for (Stretch& stretch : *stretches) stretch = TranslatedStretch(stretch);
  return stretches;
}

std::vector<Stretch> EligibleStretches(const std::vector<Stretch>& builtin, const Config& config) {
  const Config::Stretches& chosen = config.stretches;
  const auto allowed = [&chosen](const Stretch& s) {
    return std::find(chosen.places.begin(), chosen.places.end(), s.where) != chosen.places.end() &&
           std::find(chosen.kinds.begin(), chosen.kinds.end(), s.kind) != chosen.kinds.end();
  };
  std::vector<Stretch> eligible;
  std::copy_if(builtin.begin(), builtin.end(), std::back_inserter(eligible), allowed);
  std::copy_if(config.stretches.extra.begin(), config.stretches.extra.end(),
               std::back_inserter(eligible), allowed);
  return eligible;
}

}  // namespace unsit
