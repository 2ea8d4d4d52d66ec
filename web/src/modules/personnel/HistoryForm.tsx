import type { ComponentType } from 'react';
import { EducationForm } from './EducationForm';
import type { HistorySection } from './history.api';
import type { HistoryFormProps } from './history-submit';
import { LeaveForm } from './LeaveForm';
import { RankForm } from './RankForm';
import { TrainingForm } from './TrainingForm';

// A record, so a section the server adds fails the compiler here until it has a form.
const FORMS: Record<HistorySection, ComponentType<HistoryFormProps>> = {
  ranks: RankForm,
  education: EducationForm,
  training: TrainingForm,
  leave: LeaveForm,
};

/**
 * The form that adds a record to one section of the history. The four forms are one chunk, loaded
 * when an administrator first opens one: people who only read profiles never download them.
 */
export function HistoryForm({ section, ...props }: HistoryFormProps & { section: HistorySection }) {
  const Form = FORMS[section];
  return <Form {...props} />;
}
