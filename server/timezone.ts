// Zugong's calendar is China's: "today", month ends and deadlines turn over at Beijing midnight.
// Imported first by every entry point (server, bench, tests), so local-time date helpers (dayjs)
// and todayCn (dates.ts) agree whatever the machine's own zone is. ZUGONG_TZ overrides it.
process.env.TZ = process.env.ZUGONG_TZ || 'Asia/Shanghai';
