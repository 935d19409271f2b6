export class HealthView {
  status: 'ok' | 'error';
  database: 'up' | 'down';
}
