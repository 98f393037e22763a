import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Audited } from '../audit/audited.decorator.js';
import { ApiErrors } from '../openapi/api-responses.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { ResetPasswordDto } from './dto/reset-password.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { UserResponse } from './dto/users.responses.js';
import { Role } from './role.enum.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Roles(Role.Admin)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: '账号列表 · List accounts' })
  @ApiOkResponse({ type: [UserResponse] })
  async list(): Promise<UserResponse[]> {
    return (await this.users.list()).map(UserResponse.of);
  }

  @Post()
  @Audited('users.create')
  @ApiErrors(HttpStatus.CONFLICT)
  @ApiOperation({ summary: '新建账号（管理员、工作人员、秘书） · Create account' })
  @ApiCreatedResponse({ type: UserResponse })
  async create(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return UserResponse.of(await this.users.create(dto));
  }

  @Patch(':id')
  @Audited('users.update')
  @ApiErrors(HttpStatus.CONFLICT)
  @ApiOperation({ summary: '修改或停用账号 · Update account' })
  @ApiOkResponse({ type: UserResponse })
  async update(
    @CurrentUser() actor: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserResponse> {
    return UserResponse.of(await this.users.update(actor, id, dto));
  }

  @Post(':id/password')
  @HttpCode(200)
  @Audited('users.reset-password')
  @ApiErrors(HttpStatus.FORBIDDEN)
  @ApiOperation({
    summary: '重置密码（下次登录须修改；代表和列席人员的账号不可） · Reset password',
  })
  @ApiOkResponse({ type: UserResponse })
  async resetPassword(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ResetPasswordDto,
  ): Promise<UserResponse> {
    return UserResponse.of(await this.users.resetPassword(id, dto.password));
  }
}
