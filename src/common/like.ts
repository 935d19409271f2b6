/** Text for a LIKE pattern with %, _ and \ taken literally (PostgreSQL's default escape is \). */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, '\\$&');
