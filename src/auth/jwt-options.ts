export const JWT_ISSUER = 'safe-return';
export const JWT_AUDIENCE = 'safe-return-api';
