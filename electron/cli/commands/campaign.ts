import type { CampaignSettings, SettingKey } from '../../../shared/domain/settings';
import { SETTING_KEYS } from '../../../shared/domain/settings';
import { UsageError, type CliCommand } from '../command';
import { campaignIdOf, table } from '../format';

/** A setting's value as typed on the command line, given the type of its default. */
function settingValue(key: SettingKey, raw: string, current: CampaignSettings): string | number {
  if (typeof current[key] === 'number') {
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new UsageError(`"${key}" takes a number, not "${raw}".`);
    return n;
  }
  return raw;
}

export const campaignCommands: CliCommand[] = [
  {
    words: ['campaign', 'list'],
    usage: 'campaign list                      list the campaigns of the database',
    async run({ client, print }) {
      const list = await client.call('campaign.list', {});
      print(list, table(list.map((c) => ({ id: c.id, name: c.name, applications: c.applicationCount, created: c.createdAt.slice(0, 10) }))));
      return 0;
    },
  },
  {
    words: ['campaign', 'show'],
    usage: 'campaign show [--campaign ID]      show a campaign and its settings',
    options: { campaign: { type: 'string' } },
    async run({ client, print, option }) {
      const campaign = await client.call('campaign.get', { campaignId: await campaignIdOf(client, option('campaign')) });
      print(campaign, `Campaign ${campaign.id}: ${campaign.name}\n\n${table(Object.entries(campaign.settings).map(([setting, value]) => ({ setting, value: String(value) })))}`);
      return 0;
    },
  },
  {
    words: ['campaign', 'set'],
    usage: `campaign set [--campaign ID] [--name NAME] [KEY VALUE ...]
                                     change settings, e.g. "campaign set minimumAge 22"
                                     keys: ${SETTING_KEYS.join(', ')}`,
    options: { campaign: { type: 'string' }, name: { type: 'string' } },
    async run({ client, print, option, args }) {
      const campaignId = await campaignIdOf(client, option('campaign'));
      const current = await client.call('campaign.get', { campaignId });
      if (args.length % 2 !== 0) throw new UsageError('Give each setting as KEY VALUE.');
      const settings: Partial<Record<SettingKey, string | number>> = {};
      for (let i = 0; i < args.length; i += 2) {
        const key = args[i] as string;
        if (!(SETTING_KEYS as string[]).includes(key)) throw new UsageError(`There is no setting "${key}". Settings: ${SETTING_KEYS.join(', ')}.`);
        settings[key as SettingKey] = settingValue(key as SettingKey, args[i + 1] as string, current.settings);
      }
      const name = option('name');
      if (Object.keys(settings).length === 0 && name === undefined) throw new UsageError('Nothing to change: give --name or KEY VALUE pairs.');
      const updated = await client.call('campaign.update', { campaignId, ...(name !== undefined ? { name } : {}), settings: settings as Partial<CampaignSettings> });
      print(updated, `Campaign ${updated.id} updated.`);
      return 0;
    },
  },
];
