"use server";
// The profile page's server actions: validate, act on the caller's own rows only, refresh the page.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/server/action";
import { AppError } from "@/server/errors";
import { removeAvatar, setAvatar } from "./avatar";
import { updateContact } from "./contact";
import { createEducation, deleteEducation, updateEducation } from "./education";
import { createExperience, deleteExperience, updateExperience } from "./experience";
import { addRole, removeRole } from "./roles";
import {
  addRoleInput,
  addSkillInput,
  contactInput,
  educationInput,
  experienceInput,
  removeInput,
  updateEducationInput,
  updateExperienceInput,
  updateSkillInput,
} from "./schemas";
import { addSkill, removeSkill, updateSkillLevel } from "./skills";
import { enforceRateLimit, expensiveRateLimit } from "@/server/ratelimit";

function found<T>(row: T | null): T {
  if (row === null) throw new AppError("not_found", "not_found");
  revalidatePath("/profile");
  return row;
}

function done<T>(value: T): T {
  revalidatePath("/profile");
  return value;
}

// The new name is also the account's display name; the refreshed route brings it to the header.
export const saveContactAction = userAction(contactInput, async (input, { user, db }) =>
  found(await updateContact(db, { userId: user.id, input })),
);

export const addSkillAction = userAction(addSkillInput, async (input, { user, db }) => done(await addSkill(db, { actor: user, input })));

export const updateSkillLevelAction = userAction(updateSkillInput, async (input, { user, db }) =>
  found(await updateSkillLevel(db, { userId: user.id, id: input.id, level: input.level })),
);

export const removeSkillAction = userAction(removeInput, async (input, { user, db }) =>
  found(await removeSkill(db, { userId: user.id, id: input.id })),
);

export const addRoleAction = userAction(addRoleInput, async (input, { user, db }) => done(await addRole(db, { actor: user, input })));

export const removeRoleAction = userAction(removeInput, async (input, { user, db }) =>
  found(await removeRole(db, { userId: user.id, id: input.id })),
);

export const createExperienceAction = userAction(experienceInput, async (input, { user, db }) =>
  done(await createExperience(db, { userId: user.id, input })),
);

export const updateExperienceAction = userAction(updateExperienceInput, async ({ id, ...input }, { user, db }) =>
  found(await updateExperience(db, { userId: user.id, id, input })),
);

export const deleteExperienceAction = userAction(removeInput, async (input, { user, db }) =>
  found(await deleteExperience(db, { userId: user.id, id: input.id })),
);

export const createEducationAction = userAction(educationInput, async (input, { user, db }) =>
  done(await createEducation(db, { userId: user.id, input })),
);

export const updateEducationAction = userAction(updateEducationInput, async ({ id, ...input }, { user, db }) =>
  found(await updateEducation(db, { userId: user.id, id, input })),
);

export const deleteEducationAction = userAction(removeInput, async (input, { user, db }) =>
  found(await deleteEducation(db, { userId: user.id, id: input.id })),
);

const avatarForm = z.instanceof(FormData, { error: "file_missing" }).transform((form, ctx) => {
  const file = form.get("avatar");
  if (file instanceof Blob) return file;
  ctx.addIssue({ code: "custom", message: "file_missing", path: ["avatar"] });
  return z.NEVER;
});

/** Avatar upload: the same path for the disk and Uploadthing adapters. */
export const uploadAvatarAction = userAction(avatarForm, async (file, { user, db, storage }) => {
  await enforceRateLimit(db, expensiveRateLimit("avatar", { user }));
  const bytes = new Uint8Array(await file.arrayBuffer());
  return done(await setAvatar(db, storage, { userId: user.id, bytes }));
});

export const removeAvatarAction = userAction(z.object({}), async (_input, { user, db, storage }) =>
  done((await removeAvatar(db, storage, { userId: user.id })) ?? { removed: false }),
);
