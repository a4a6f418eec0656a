// A large programme for the benchmarks: 5 task forces × `n` measures × 5
// reports (`tag` varies the text, for refreshes with changed data).
export function large(n, tag = 0) {
  const statuses = ['not-started', 'on-track', 'behind', 'blocked', 'completed', 'dropped'];
  return JSON.stringify({
    title: `Large programme ${tag}`, asOf: '2021-06-30',
    taskForces: Array.from({ length: 5 }, (_, t) => ({
      id: `tf${t}`, name: { 'zh-Hans': `专班 ${t}`, en: `Task force ${t}` },
      measures: Array.from({ length: n }, (_, m) => ({
        id: `m${m}`, title: { 'zh-Hans': `第 ${m} 项措施：推进农村工作 ${tag}`, en: `Measure ${m}: rural work ${tag}` },
        status: statuses[(m + t + tag) % 6], progress: statuses[(m + t + tag) % 6] === 'completed' ? 100 : (m * 7 + tag) % 100, start: '2021-01-01', due: '2021-12-31',
        reports: Array.from({ length: 5 }, (_, r) => ({ date: `2021-0${r + 1}-15`, status: statuses[(m + r) % 6], progress: r * 20, note: `汇报 ${r}：进展情况说明 ${m}` })),
      })),
    })),
  });
}
