"""The shipped forms, requirement rules, stages and wording: data only, no code."""
