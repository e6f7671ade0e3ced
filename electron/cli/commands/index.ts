import type { CliCommand } from '../command';
import { campaignCommands } from './campaign';
import { campaignCopyCommands } from './campaign-copy';
import { databaseCommands } from './database';
import { demoCommands } from './demo';
import { importCommands } from './import';
import { screeningCommands } from './screening';
import { noticeCommands } from './notices';
import { reportCommands } from './report';
import { privacyCommands } from './privacy';
import { serverCommands } from './server';
import { shortlistCommands } from './shortlists';

/** Every domain's commands, in the order `cohort --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [...campaignCommands, ...campaignCopyCommands, ...demoCommands, ...importCommands, ...screeningCommands, ...shortlistCommands, ...noticeCommands, ...reportCommands, ...privacyCommands, ...databaseCommands, ...serverCommands];
