#pragma once
// What a путёвка includes besides the bed: the meal plan and the treatment programme's profile.
#include <optional>
#include <QString>

namespace kasp {

enum class MealPlan { None, Breakfast, HalfBoard, FullBoard };
QString mealPlanKey(MealPlan plan); // "none", "breakfast", "half_board", "full_board"
std::optional<MealPlan> mealPlanFromKey(const QString &key);

// Treatment profiles (профиль лечения) a sanatorium sells programmes for.
enum class TreatmentProfile { None, General, Cardiology, Neurology, Musculoskeletal, Digestive, Respiratory };
QString treatmentProfileKey(TreatmentProfile profile); // "none", "general", "cardiology", ...
std::optional<TreatmentProfile> treatmentProfileFromKey(const QString &key);

} // namespace kasp
