// 任前公示 window: the end is the 5th working day on the official holiday calendar (domain/rules/cadre-selection.ts
// publicityEnd); the holidays inside the window are named so the reader sees why the end moved past them.
import dayjs from 'dayjs';
import chineseDays from 'chinese-days';
import { publicityEnd } from '../../../domain/rules/cadre-selection.js';
import { calendarCovers } from '../../../domain/rules/working-days.js';

export interface PublicityWindow {
  startOn: string;
  endOn: string;
  holidays: { date: string; name: string }[];
  /** The calendar does not hold the year's official schedule yet: the end counts plain Monday–Friday. */
  provisional: boolean;
}

export function publicityWindow(startOn: string): PublicityWindow {
  const endOn = publicityEnd(startOn);
  const holidays: PublicityWindow['holidays'] = [];
  for (let d = dayjs(startOn); !d.isAfter(dayjs(endOn), 'day'); d = d.add(1, 'day')) {
    const detail = chineseDays.getDayDetail(d.format('YYYY-MM-DD'));
    // Weekends carry the weekday's name; official days off carry "English,中文,n".
    const zh = detail.name.split(',')[1];
    if (!detail.work && zh) holidays.push({ date: detail.date, name: zh });
  }
  return { startOn, endOn, holidays, provisional: !calendarCovers(startOn) || !calendarCovers(endOn) };
}
