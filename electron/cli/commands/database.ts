import type { CliCommand } from '../command';

export const databaseCommands: CliCommand[] = [
  {
    words: ['backup'],
    usage: 'backup                             take a backup of the database now',
    async run({ client, print }) {
      const info = await client.call('database.backupNow', {});
      print(info, `Backup written to ${info.path}`);
      return 0;
    },
  },
];
