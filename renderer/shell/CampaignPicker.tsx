import { Label, Select, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from './WorkspaceContext';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  select: { minWidth: '14rem', maxWidth: '24rem' },
});

/** Which campaign (yearly call) of the database the pages show. */
export function CampaignPicker() {
  const { t } = useTranslation();
  const styles = useStyles();
  const id = useId('campaign');
  const { campaigns, campaign, selectCampaign } = useWorkspace();
  return (
    <div className={styles.root}>
      <Label htmlFor={id}>{t('campaign.label')}</Label>
      <Select
        id={id}
        className={styles.select}
        value={campaign ? String(campaign.id) : ''}
        disabled={campaigns.length === 0}
        onChange={(_e, data) => selectCampaign(Number(data.value))}
      >
        {campaigns.length === 0 ? <option value="">{t('campaign.none')}</option> : null}
        {campaigns.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
