import { Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { FormDialog, FormDialogForm } from '../../components/FormDialog';
import { useNotify } from '../../components/Notify';
import { applicationIdsIn } from './ExceptDialog';

/** Marks sent notices bounced (a mail came back), or bounced ones sent again (a corrected address, a letter). */
export function BouncedDialog({ campaignId, open, onClose }: { campaignId: number; open: boolean; onClose: () => void }) {
  return (
    <FormDialog open={open} onClose={onClose}>
      <BouncedForm campaignId={campaignId} onDone={onClose} />
    </FormDialog>
  );
}

function BouncedForm({ campaignId, onDone }: { campaignId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const bounced = useApiMutation('notices.markBounced');
  const resent = useApiMutation('notices.markResent');
  const [what, setWhat] = useState<'bounced' | 'resent'>('bounced');
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const ids = applicationIdsIn(text);

  async function submit() {
    setTried(true);
    if (ids.length === 0) return;
    if (what === 'bounced') {
      const result = await bounced.run({ campaignId, applicationIds: ids });
      if (!result.ok) return;
      notify.success(t('notices.bouncedDone', { count: result.value.bounced }), result.value.notFound.length > 0 ? t('notices.notFound', { ids: result.value.notFound.join(', ') }) : undefined);
    } else {
      const result = await resent.run({ campaignId, applicationIds: ids });
      if (!result.ok) return;
      notify.success(t('notices.resentDone', { count: result.value.resent }), result.value.notFound.length > 0 ? t('notices.notFound', { ids: result.value.notFound.join(', ') }) : undefined);
    }
    onDone();
  }

  const message = tried && ids.length === 0 ? t('notices.bouncedDialog.none') : undefined;
  return (
    <FormDialogForm title={t('notices.bouncedDialog.title')} submitLabel={what === 'bounced' ? t('notices.bouncedDialog.submitBounced') : t('notices.bouncedDialog.submitResent')} onSubmit={submit} error={bounced.error ?? resent.error ?? null}>
      <RadioGroup value={what} onChange={(_e, d) => setWhat(d.value === 'resent' ? 'resent' : 'bounced')} aria-label={t('notices.bouncedDialog.what')}>
        <Radio value="bounced" label={t('notices.bouncedDialog.bounced')} />
        <Radio value="resent" label={t('notices.bouncedDialog.resent')} />
      </RadioGroup>
      <Field label={t('notices.bouncedDialog.label')} hint={t('notices.idsHint')} required validationMessage={message} validationState={message ? 'error' : 'none'}>
        <Textarea autoFocus rows={5} value={text} onChange={(_e, d) => setText(d.value)} />
      </Field>
    </FormDialogForm>
  );
}
