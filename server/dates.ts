// Calendar dates as the organizations live them: days and months turn over at Beijing midnight,
// not at UTC's, whatever the server's own time zone.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

/** Today in China Standard Time (UTC+8), 'YYYY-MM-DD'. */
export const todayCn = (now: Date | string) => dayjs(now).utcOffset(480).format('YYYY-MM-DD');
